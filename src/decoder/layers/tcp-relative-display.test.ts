// With sequence analysis the details lines say which numbers are relative, as
// Wireshark's do; the raw ones follow them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCapture } from '../open-capture.ts';
import { findField } from '../dissect.ts';

const c = openCapture(new Uint8Array(readFileSync('captures/rebuilt/report-tcp-handshake.pcapng')));
const line = (frame: number, name: string) => findField(c.dissect(frame).tree, name)?.display;

describe('relative sequence numbers in the details lines', () => {
  it('marks seq, next seq and ack as tshark -V does', () => {
    expect(line(4, 'tcp.seq')).toBe('Sequence Number: 1    (relative sequence number)');
    expect(line(4, 'tcp.seq_raw')).toBe('Sequence Number (raw): 976928198');
    expect(line(4, 'tcp.nxtseq')).toBe('[Next Sequence Number: 214    (relative sequence number)]');
    expect(line(4, 'tcp.ack')).toBe('Acknowledgment Number: 1    (relative ack number)');
  });

  it("leaves a SYN's unused acknowledgment number unmarked", () => {
    expect(line(1, 'tcp.ack')).toBe('Acknowledgment Number: 0');
  });
});
