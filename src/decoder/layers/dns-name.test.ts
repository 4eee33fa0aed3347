import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCapture, frameData } from '../capture/read.ts';
import { dissectFrame, findAll } from '../dissect.ts';
import { record } from './testdata/oracle.ts';
import { dnsChainResponse, dnsLimitMessages, udpFrame } from './testdata/hostile.ts';

const dir = new URL('./testdata/', import.meta.url);
const text = (f: { show: string }[]) => f.map((x) => x.show);

describe('DNS names at the limits', () => {
  // Expected values: tshark 4.0 on testdata/hostile-dns.pcap (make-hostile.mjs), frames 1 to 11.
  it('shows "<Name too long>" from 254 characters and a loop past 255 pointers, as tshark', () => {
    const want = [
      [252, 4],
      [253, 4],
      ['<Name too long>', 1],
      ['<Name too long>', 1],
      [243, 122],
      ['<Name too long>', 1],
      ['<Name too long>', 1],
      ['<Name contains a pointer that loops>', 1],
      ['<Name contains a pointer that loops>', 1],
      ['<Name contains a pointer that loops>', 1],
      ['<Name contains a pointer that loops>', 1],
    ];
    const got = dnsLimitMessages().map((m, i) => {
      const data = udpFrame(m, 40000 + i, 53, i + 1);
      const d = dissectFrame(record(data), data);
      const name = text(findAll(d.tree, 'dns.qry.name'))[0];
      const len = Number(text(findAll(d.tree, 'dns.qry.name.len'))[0]);
      const labels = Number(text(findAll(d.tree, 'dns.count.labels'))[0]);
      expect(d.protocols).toBe('eth:ethertype:ip:udp:dns');
      return [name.startsWith('<') ? name : len, labels];
    });
    expect(got).toEqual(want);
  });

  it("reads the issue's 64 kB response (4,000 chained pointers, 3,000 answers) in linear time", () => {
    const data = udpFrame(dnsChainResponse(4000, 3000), 53, 40100);
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      dissectFrame(record(data), data);
      best = Math.min(best, performance.now() - t);
    }
    // Following 4,000 pointers for each of 3,000 names took seconds (and a gigabyte);
    // bounded, it takes tens of milliseconds (the limit leaves room for a busy machine).
    expect(best).toBeLessThan(1500);
    const d = dissectFrame(record(data), data);
    const names = text(findAll(d.tree, 'dns.resp.name'));
    expect(names.length).toBe(3000);
    // tshark: the NULL record's owner "a", then every answer a loop (each would follow 4,001 pointers).
    expect(names[0]).toBe('a');
    expect(new Set(names.slice(1))).toEqual(new Set(['<Name contains a pointer that loops>']));
    // tshark's Info column stops at 4,095 characters.
    expect(d.columns.info.length).toBe(4095);
    expect(d.columns.info.startsWith('Standard query response 0x1234 A a NULL a A 10.0.0.1 A 10.0.0.2')).toBe(true);
  });

  it("shows the issue's capture's query as tshark: a one-character name counts 0", () => {
    const bytes = readFileSync(new URL('hostile-dns.pcap', dir));
    const cap = readCapture(bytes);
    const last = cap.frames[cap.frames.length - 1];
    const d = dissectFrame(last, frameData(bytes, last));
    expect(text(findAll(d.tree, 'dns.qry.name'))).toEqual(['a']);
    expect(text(findAll(d.tree, 'dns.qry.name.len'))).toEqual(['0']);
  });
});
