// The shape of each analysis mark, so a mark reads without its colour:
// retransmission a triangle, out-of-order a diamond, duplicate ACK a square.
import type { GraphMark } from '../../decoder/graphs/marks.ts';

/** An SVG path of the mark centred on (x, y), about 2r across. */
export function markPath(m: GraphMark, x: number, y: number, r = 5): string {
  const f = (v: number) => Math.round(v * 10) / 10;
  switch (m) {
    case 'retransmission':
      return `M${f(x)},${f(y - r)}L${f(x + r)},${f(y + r * 0.8)}L${f(x - r)},${f(y + r * 0.8)}Z`;
    case 'out-of-order':
      return `M${f(x)},${f(y - r)}L${f(x + r)},${f(y)}L${f(x)},${f(y + r)}L${f(x - r)},${f(y)}Z`;
    case 'duplicate-ack':
      return `M${f(x - r * 0.8)},${f(y - r * 0.8)}h${f(r * 1.6)}v${f(r * 1.6)}h${f(-r * 1.6)}Z`;
  }
}
