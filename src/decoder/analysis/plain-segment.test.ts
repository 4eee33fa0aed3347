// openCapture's tcpSegment reads a plain Ethernet/IPv4 segment from its
// headers (header-walk.ts plainTcpSegment): on every capture in the
// repository, each segment it reads so equals what the dissector's layers give.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listCaptures } from '../../../test/golden/golden.ts';
import { openCapture } from '../open-capture.ts';
import { plainTcpSegment } from './header-walk.ts';
import { tcpSegmentInput } from './segment-input.ts';

describe('plain TCP segments without the dissector', () => {
  let read = 0;
  for (const cap of listCaptures())
    it(cap.name, () => {
      const bytes = new Uint8Array(readFileSync(cap.path));
      const opened = openCapture(bytes);
      for (const record of opened.frames) {
        const data = opened.data(record.number);
        const plain = plainTcpSegment(record, data);
        if (!plain) continue;
        read++;
        const { tcp, tcpIp } = opened.dissect(record.number).layers;
        expect(tcp, `frame ${record.number}`).toBeDefined();
        if (tcp) expect(plain, `frame ${record.number}`).toEqual(tcpSegmentInput(record, tcp, tcpIp, data));
      }
    });
  it('read some segments plainly', () => expect(read).toBeGreaterThan(1000));
});
