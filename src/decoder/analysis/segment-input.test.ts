// The analysis input built from decoded headers. Expected values are tshark 4.0's
// view of frame 1 of captures/recorded/tcp-ipv6.pcapng (ipv6.src, tcp.seq_raw,
// tcp.window_size_value, tcp.options.mss_val, tcp.options.wscale.shift).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCapture } from '../open-capture.ts';
import { analysisPayload, tcpSegmentInput } from './segment-input.ts';

const ipv6 = openCapture(new Uint8Array(readFileSync('captures/recorded/tcp-ipv6.pcapng')));

describe('tcpSegmentInput', () => {
  it('writes IPv6 addresses compressed, as Wireshark does', () => {
    const { tcp, tcpIp } = ipv6.dissect(1).layers;
    const seg = tcpSegmentInput(ipv6.frames[0], tcp!, tcpIp, ipv6.data(1))!;
    expect(seg).toMatchObject({ frame: 1, src: 'fd77::1', dst: 'fd77::2', srcPort: 38806, dstPort: 80, seqRaw: 1318805634, flags: 0x002, windowRaw: 64800 });
    expect(seg.options).toMatchObject({ mss: 1440, wscale: 10, sackPerm: true });
    expect(seg.payload).toHaveLength(0);
  });

  it('gives nothing without an IP header', () => {
    const { tcp } = ipv6.dissect(1).layers;
    expect(tcpSegmentInput(ipv6.frames[0], tcp!, undefined)).toBeNull();
  });

  it('is what openCapture hands widgets, and the analysis keys its conversation by the same text', () => {
    expect(ipv6.tcpSegment(1)).toMatchObject({ src: 'fd77::1', dst: 'fd77::2' });
    expect(ipv6.analysis.summary(0)?.a).toEqual({ address: 'fd77::1', port: 38806 });
  });
});

describe('analysisPayload', () => {
  const bytes = (text: string) => new Uint8Array([0, 0, ...new TextEncoder().encode(text)]);
  // Ports 40000 and 5003 bind no layer; 80 binds HTTP (bindings.ts).
  it('gives a cut payload on unbound ports a view only when the HTTP heuristic takes it', () => {
    const http = bytes('HTTP/1.1 200 OK\r\nContent-');
    expect(analysisPayload(http, 2, http.length - 2, 1448, 5003, 40000)).toEqual(http.subarray(2));
    const other = bytes('\0\0\0\0 some binary protocol');
    expect(analysisPayload(other, 2, other.length - 2, 1448, 5003, 40000)).toBeUndefined();
  });

  it('gives no view to a cut payload on a bound port, and a view to any whole payload', () => {
    const http = bytes('HTTP/1.1 200 OK\r\nContent-');
    expect(analysisPayload(http, 2, http.length - 2, 1448, 80, 40000)).toBeUndefined();
    const other = bytes('any bytes at all');
    expect(analysisPayload(other, 2, other.length - 2, other.length - 2, 5003, 40000)).toEqual(other.subarray(2));
    expect(analysisPayload(other, 2, 0, 100, 5003, 40000)).toBeUndefined();
  });
});
