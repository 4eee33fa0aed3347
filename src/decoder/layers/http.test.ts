import { describe, expect, it } from 'vitest';
import { findField } from '../dissect.ts';
import { agree, load, LOOPBACK_DECODE_AS } from './testdata/oracle.ts';

describe('HTTP/1.x', () => {
  it('agrees with tshark on requests, responses, a text body and a cut request line', () => {
    expect(agree('loopback', ['http', 'data-text-lines'])).toEqual([]);
    expect(agree('crafted-eth', ['http', '_ws.short'])).toEqual([]);
  });

  it('reads the request line and headers', () => {
    const { frames } = load('loopback.pcapng', 'loopback.tshark.json', { decodeAs: LOOPBACK_DECODE_AS });
    const f = frames[19].dissected;
    expect(f.columns.info).toBe('GET /index.html?x=1 HTTP/1.1 ');
    expect(findField(f.tree, 'http.request.method')!.show).toBe('GET');
    expect(findField(f.tree, 'http.request.uri')!.show).toBe('/index.html?x=1');
    expect(findField(f.tree, 'http.host')).toMatchObject({ show: '127.0.0.1:45998', display: 'Host: 127.0.0.1:45998\\r\\n' });
    const r = frames[21].dissected;
    expect(findField(r.tree, 'http.response.code')!.show).toBe('200');
    expect(r.columns.info).toBe('HTTP/1.1 200 OK  (text/plain)');
  });
});
