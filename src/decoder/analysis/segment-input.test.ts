// The analysis input built from decoded headers. Expected values are tshark 4.0's
// view of frame 1 of captures/recorded/tcp-ipv6.pcapng (ipv6.src, tcp.seq_raw,
// tcp.window_size_value, tcp.options.mss_val, tcp.options.wscale.shift).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCapture } from '../open-capture.ts';
import { tcpSegmentInput } from './segment-input.ts';

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
