// RFC 9293 connection states of each endpoint, inferred from what a capture shows. The capture
// point sees a segment leave its sender and reach its receiver at (nearly) the same moment, so both
// endpoints' transitions for one segment are applied together. States before the first segment
// that proves them stay "unknown" (a capture that starts mid-connection cannot tell).
import type { ConnState } from './types.ts';

export const STATE_NAMES: readonly ConnState[] = [
  'unknown',
  'LISTEN',
  'SYN-SENT',
  'SYN-RECEIVED',
  'ESTABLISHED',
  'FIN-WAIT-1',
  'FIN-WAIT-2',
  'CLOSE-WAIT',
  'CLOSING',
  'LAST-ACK',
  'TIME-WAIT',
  'CLOSED',
];
export const S_UNKNOWN = 0,
  S_LISTEN = 1,
  S_SYN_SENT = 2,
  S_SYN_RECEIVED = 3,
  S_ESTABLISHED = 4,
  S_FIN_WAIT_1 = 5,
  S_FIN_WAIT_2 = 6,
  S_CLOSE_WAIT = 7,
  S_CLOSING = 8,
  S_LAST_ACK = 9,
  S_TIME_WAIT = 10,
  S_CLOSED = 11;

/**
 * Both endpoints' states after one segment, packed as sender | receiver << 4 (no allocation per
 * frame). `acksPeerFin`: the segment acknowledges the receiver's FIN.
 */
export function stepStates(sender: number, receiver: number, syn: boolean, ack: boolean, fin: boolean, rst: boolean, acksPeerFin: boolean): number {
  const s = { syn, ack, fin, rst, acksPeerFin };
  if (s.rst) return S_CLOSED | (S_CLOSED << 4);
  if (s.syn && !s.ack) {
    // Sender opens actively; the receiver must have been listening (or is in a simultaneous open).
    const r = receiver === S_SYN_SENT ? S_SYN_RECEIVED : receiver === S_UNKNOWN || receiver === S_CLOSED || receiver === S_TIME_WAIT ? S_LISTEN : receiver;
    return S_SYN_SENT | (r << 4);
  }
  if (s.syn && s.ack) {
    // SYN-ACK: the sender is in SYN-RECEIVED; a receiver in SYN-SENT enters ESTABLISHED on it.
    const r = receiver === S_SYN_SENT || receiver === S_UNKNOWN ? S_ESTABLISHED : receiver;
    return S_SYN_RECEIVED | (r << 4);
  }
  let snd = sender;
  let rcv = receiver;
  // The sender's own ACK completes its passive open.
  if (snd === S_SYN_SENT && s.ack) snd = S_ESTABLISHED;
  if (rcv === S_SYN_RECEIVED && s.ack) rcv = S_ESTABLISHED;
  // The receiver's FIN acknowledged.
  if (s.acksPeerFin) {
    if (rcv === S_FIN_WAIT_1) rcv = S_FIN_WAIT_2;
    else if (rcv === S_CLOSING) rcv = S_TIME_WAIT;
    else if (rcv === S_LAST_ACK) rcv = S_CLOSED;
  }
  if (s.fin) {
    const peerClosedFirst = rcv === S_FIN_WAIT_1 || rcv === S_FIN_WAIT_2 || rcv === S_CLOSING;
    if (snd === S_UNKNOWN) snd = peerClosedFirst ? S_LAST_ACK : S_FIN_WAIT_1;
    else if (snd === S_ESTABLISHED || snd === S_SYN_RECEIVED) snd = S_FIN_WAIT_1;
    else if (snd === S_CLOSE_WAIT) snd = S_LAST_ACK;
    // The receiver learns the peer is done sending.
    if (rcv === S_ESTABLISHED || rcv === S_UNKNOWN) rcv = S_CLOSE_WAIT;
    else if (rcv === S_FIN_WAIT_1) rcv = S_CLOSING;
    else if (rcv === S_FIN_WAIT_2) rcv = S_TIME_WAIT;
  }
  return snd | (rcv << 4);
}
