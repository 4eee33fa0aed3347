// Which analysis flags a graph marks on a point. Read from the flag table by
// field, so a point is marked exactly when the packet list flags its frame.
import { FLAG_TABLE } from '../analysis/analysis-flags.ts';

export const GRAPH_MARKS = ['retransmission', 'out-of-order', 'duplicate-ack'] as const;

export type GraphMark = (typeof GRAPH_MARKS)[number];

const FIELDS: Record<GraphMark, readonly string[]> = {
  // The whole retransmission family is one mark: a repeated segment.
  retransmission: ['tcp.analysis.retransmission', 'tcp.analysis.fast_retransmission', 'tcp.analysis.spurious_retransmission'],
  'out-of-order': ['tcp.analysis.out_of_order'],
  'duplicate-ack': ['tcp.analysis.duplicate_ack'],
};

function bitsOf(fields: readonly string[]): number {
  let bits = 0;
  for (const f of fields) {
    const info = FLAG_TABLE.find((x) => x.field === f);
    if (!info) throw new Error(`no analysis flag ${f}`);
    bits |= info.bit;
  }
  return bits;
}

const MARK_BITS = GRAPH_MARKS.map((m) => [m, bitsOf(FIELDS[m])] as const);

const ANY = MARK_BITS.reduce((bits, [, b]) => bits | b, 0);
/** One shared empty list: most points of a long stream have no mark, and each would hold its own. */
const NONE: readonly GraphMark[] = Object.freeze([]);

/** The marks of a frame with these analysis flag bits. */
export function marksOf(flags: number): readonly GraphMark[] {
  if (!(flags & ANY)) return NONE;
  const out: GraphMark[] = [];
  for (const [m, bits] of MARK_BITS) if (flags & bits) out.push(m);
  return out;
}
