// Relative or absolute TCP sequence numbers. The decoder writes relative
// numbers once its TCP analysis is on (tcp.seq differs from the number in the
// header); the absolute view puts the header's raw numbers back into the
// lines and the Info column.
import type { Field } from '../../decoder/types.ts';

/** The sequence and acknowledgment numbers as the TCP header holds them. */
export interface RawSeq {
  seq: number;
  ack: number;
}

const numeric = (v: Field['value'] | undefined) => (typeof v === 'number' || typeof v === 'bigint' ? Number(v) : undefined);
const child = (tcp: Field | undefined, name: string) => tcp?.children?.find((f) => f.name === name);

/** Does this frame carry relative sequence numbers (tcp.seq is not the header's number)? */
export function hasRelativeSeq(tree: readonly Field[], raw: RawSeq | undefined): boolean {
  const tcp = tree.find((f) => f.name === 'tcp');
  const seq = numeric(child(tcp, 'tcp.seq')?.value);
  const seqRaw = numeric(child(tcp, 'tcp.seq_raw')?.value) ?? raw?.seq;
  return seq !== undefined && seqRaw !== undefined && seq !== seqRaw;
}

interface Shift {
  seq?: number;
  ack?: number;
}

/** Absolute minus relative, for sequence and acknowledgment numbers. */
function shiftOf(tcp: Field, raw: RawSeq | undefined): Shift {
  const get = (name: string) => numeric(child(tcp, name)?.value);
  const seq = get('tcp.seq');
  const ack = get('tcp.ack');
  const seqRaw = get('tcp.seq_raw') ?? raw?.seq;
  const ackRaw = get('tcp.ack_raw') ?? raw?.ack;
  return {
    seq: seq !== undefined && seqRaw !== undefined ? seqRaw - seq : undefined,
    ack: ack !== undefined && ackRaw !== undefined ? ackRaw - ack : undefined,
  };
}
const wrap = (n: number) => ((n % 2 ** 32) + 2 ** 32) % 2 ** 32;

/** Rewrites "Seq=1", "Seq: 1", "Ack=1" (and Next Sequence Number) with absolute numbers. */
function absoluteText(text: string, shift: Shift): string {
  const swap = (re: RegExp, by: number | undefined) => (s: string) =>
    by === undefined ? s : s.replace(re, (_, pre: string, n: string) => pre + wrap(Number(n) + by));
  return [
    swap(/(\bSeq[=:] ?)(\d+)/g, shift.seq),
    swap(/(\bAck[=:] ?)(\d+)/g, shift.ack),
    swap(/(^\[?(?:Sequence Number|Next Sequence Number): )(\d+)/, shift.seq),
    swap(/(^Acknowledgment Number: )(\d+)/, shift.ack),
  ]
    .reduce((s, f) => f(s), text)
    .replace(/\s+\(relative (?:sequence|ack) number\)/, '');
}

/** The frame's tree and Info text with absolute sequence numbers. */
export function absoluteSeq(tree: readonly Field[], info: string, raw?: RawSeq): { tree: Field[]; info: string } {
  const tcp = tree.find((f) => f.name === 'tcp');
  if (!tcp || !hasRelativeSeq(tree, raw)) return { tree: [...tree], info };
  const shift = shiftOf(tcp, raw);
  const fix = (f: Field): Field => {
    const touched = f === tcp || f.name === 'tcp.seq' || f.name === 'tcp.ack' || f.name === 'tcp.nxtseq';
    return touched ? { ...f, display: absoluteText(f.display, shift) } : f;
  };
  return {
    tree: tree.map((f) => (f === tcp ? { ...fix(f), children: f.children?.map(fix) } : f)),
    info: absoluteText(info, shift),
  };
}
