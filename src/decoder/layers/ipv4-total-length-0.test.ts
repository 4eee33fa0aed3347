import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frameData, readCapture } from '../capture/read.ts';
import { dissectFrame, findField } from '../dissect.ts';

// Expected values: tshark 4.0 on testdata/ipv4-total-length-0.pcap (make-hostile.mjs),
// frames 4 (3,054-byte TCP segment) and 6 (142-byte UDP datagram) with Total Length 0.
describe('IPv4 Total Length 0 (segmentation offload, BIG TCP)', () => {
  const bytes = readFileSync(new URL('./testdata/ipv4-total-length-0.pcap', import.meta.url));
  const records = readCapture(bytes).frames;
  const frame = (n: number) => dissectFrame(records[n - 1], frameData(bytes, records[n - 1]));

  it('takes the length from the frame and says why, as tshark', () => {
    const ip = findField(frame(4).tree, 'ip.len');
    expect(ip).toMatchObject({
      show: '3040',
      display: '[Total Length: 3040 bytes (reported as 0, presumed to be because of "TCP segmentation offload" (TSO))]',
    });
    expect(findField(frame(4).tree, 'tcp.len')?.show).toBe('3000');
    expect(findField(frame(6).tree, 'ip.len')?.show).toBe('128');
    expect(findField(frame(1).tree, 'ip.len')?.display).toBe('Total Length: 40');
  });
});
