import { describe, expect, it } from 'vitest';
import type { Field } from '../../decoder/types.ts';
import { absoluteSeq, hasRelativeSeq } from './seq-mode.ts';

const line = (name: string, value: number, display: string): Field => ({ name, label: '', offset: 0, length: 4, value, display, show: String(value) });

// A frame as the decoder writes it with relative numbers on.
const relative: Field[] = [
  { name: 'frame', label: '', offset: 0, length: 54, value: null, display: 'Frame 3', show: '' },
  {
    name: 'tcp',
    label: '',
    offset: 34,
    length: 20,
    value: null,
    show: '',
    display: 'Transmission Control Protocol, Src Port: 36450, Dst Port: 80, Seq: 1, Ack: 1, Len: 0',
    children: [
      line('tcp.seq', 1, 'Sequence Number: 1    (relative sequence number)'),
      line('tcp.seq_raw', 4071048680, 'Sequence Number (raw): 4071048680'),
      line('tcp.nxtseq', 1, '[Next Sequence Number: 1    (relative sequence number)]'),
      line('tcp.ack', 1, 'Acknowledgment Number: 1    (relative ack number)'),
      line('tcp.ack_raw', 1295241618, 'Acknowledgment number (raw): 1295241618'),
    ],
  },
];

describe('sequence number view', () => {
  it('knows when the decoder gave relative numbers', () => {
    expect(hasRelativeSeq(relative, undefined)).toBe(true);
    expect(hasRelativeSeq([relative[0]], undefined)).toBe(false);
  });

  it('takes the raw numbers from the header when the tree has no *_raw lines', () => {
    const tcp = { ...relative[1], children: relative[1].children!.filter((f) => !f.name.endsWith('_raw')) };
    const raw = { seq: 4071048680, ack: 1295241618 };
    expect(hasRelativeSeq([tcp], raw)).toBe(true);
    expect(hasRelativeSeq([tcp], { seq: 1, ack: 1 })).toBe(false);
    expect(absoluteSeq([tcp], 'Seq=1 Ack=1', raw).info).toBe('Seq=4071048680 Ack=1295241618');
  });

  it('puts absolute numbers back into the tree and Info', () => {
    const { tree, info } = absoluteSeq(relative, '36450 → 80 [ACK] Seq=1 Ack=1 Win=63 Len=0');
    expect(info).toBe('36450 → 80 [ACK] Seq=4071048680 Ack=1295241618 Win=63 Len=0');
    const tcp = tree[1];
    expect(tcp.display).toBe('Transmission Control Protocol, Src Port: 36450, Dst Port: 80, Seq: 4071048680, Ack: 1295241618, Len: 0');
    expect(tcp.children!.map((f) => f.display)).toEqual([
      'Sequence Number: 4071048680',
      'Sequence Number (raw): 4071048680',
      '[Next Sequence Number: 4071048680]',
      'Acknowledgment Number: 1295241618',
      'Acknowledgment number (raw): 1295241618',
    ]);
    // The decoder's tree is left as it was.
    expect(relative[1].children![0].display).toContain('relative');
  });

  it('leaves frames without relative numbers alone', () => {
    const { info } = absoluteSeq([relative[0]], 'Seq=5');
    expect(info).toBe('Seq=5');
  });
});
