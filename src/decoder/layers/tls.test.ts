import { describe, expect, it } from 'vitest';
import { findAll } from '../dissect.ts';
import { agree, load } from './testdata/oracle.ts';

describe('TLS record layer', () => {
  it('agrees with tshark on record headers, a cut Client Hello and an alert', () => {
    expect(agree('crafted-eth', ['tls', '_ws.malformed'])).toEqual([]);
  });

  it('lists every record of a segment', () => {
    const f = load('crafted-eth.pcap', 'crafted-eth.tshark.json').frames[26].dissected;
    expect(findAll(f.tree, 'tls.record.content_type').map((x) => x.show)).toEqual(['23', '21']);
    expect(f.columns.protocol).toBe('TLSv1.2');
    expect(f.columns.info).toBe('Application Data, Alert (Level: Warning, Description: Close Notify)');
  });
});
