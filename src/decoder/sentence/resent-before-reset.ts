// What a reset's sender had been retransmitting just before it: the copies of
// data (or of a FIN) that the other side had still not acknowledged when the
// RST left. A stack that gives up after too many retransmissions (RFC 9293
// 3.8.3, threshold R2) leaves exactly this: copies, no ACK, then the RST.
import type { Field } from '../types.ts';
import { has, num } from './read-fields.ts';
import type { SentenceCapture } from './sentence-capture.ts';
import type { ResentBeforeReset } from './sentence-types.ts';
import { streamBefore } from './stream-history.ts';
import { TCP_FLAG } from '../layers/tcp-flags.ts';

// The flag bit, from the TCP table.
const TH_FIN = TCP_FLAG.FIN;

/**
 * The retransmissions (tcp.analysis.retransmission) the RST's sender made of
 * sequence numbers at or above `peerAck`, the other side's latest ACK (so none
 * of them was acknowledged); undefined when there were none.
 */
export function resentBeforeReset(capture: SentenceCapture, n: number, stream: number, srcPort: number, peerAck: number): ResentBeforeReset | undefined {
  let last: { frame: number; tcp: readonly Field[] } | undefined;
  let count = 0;
  let sameSegment = true;
  let firstFrame = 0;
  for (const s of streamBefore(capture, n, stream)) {
    if (num(s.tcp, 'tcp.srcport') !== srcPort) continue;
    const seq = num(s.tcp, 'tcp.seq');
    // Everything from here back was acknowledged: the copies, if any, are later.
    if (num(s.tcp, 'tcp.nxtseq', seq) <= peerAck && !has(s.tcp, 'tcp.analysis.retransmission')) break;
    if (seq < peerAck) continue;
    if (has(s.tcp, 'tcp.analysis.retransmission')) {
      if (!last) last = s;
      else if (num(s.tcp, 'tcp.seq') !== num(last.tcp, 'tcp.seq') || num(s.tcp, 'tcp.len') !== num(last.tcp, 'tcp.len')) sameSegment = false;
      count++;
    } else if (last && !firstFrame && seq === num(last.tcp, 'tcp.seq') && (num(s.tcp, 'tcp.len') > 0 || num(s.tcp, 'tcp.flags') & TH_FIN)) firstFrame = s.frame;
  }
  if (!last) return undefined;
  return {
    count,
    lastFrame: last.frame,
    firstFrame,
    seq: num(last.tcp, 'tcp.seq'),
    len: num(last.tcp, 'tcp.len'),
    fin: (num(last.tcp, 'tcp.flags') & TH_FIN) !== 0,
    sameSegment,
  };
}
