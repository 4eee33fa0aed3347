// Whether a bare ACK answers the other side's probe: a segment with nothing
// new (Wireshark's keep-alive form, tcp.analysis.keep_alive, or a one-byte
// zero-window probe, tcp.analysis.zero_window_probe) that this side had not
// answered yet, answered with the same acknowledgment as before. Linux probes
// a closed window with the keep-alive form, so only the window this side had
// advertised tells a zero-window probe's answer: still 0, or open again.
// An ACK Wireshark already flags as the answer (keep_alive_ack,
// zero_window_probe_ack), or whose window is still 0 (tcp.analysis.zero_window,
// whose explanation names the probe), is left to that flag's explanation.
import type { Field } from '../types.ts';
import { has, num } from './read-fields.ts';
import type { SentenceCapture } from './sentence-capture.ts';
import type { ProbeAnswer } from './sentence-types.ts';
import { ownBefore, peerBefore } from './stream-history.ts';

/** `tcp`: a bare ACK (no data, no SYN, FIN or RST). */
export function probeAnswer(capture: SentenceCapture, n: number, tcp: readonly Field[]): ProbeAnswer | undefined {
  // Wireshark's own answer flags have their explanation, which names the probe.
  if (has(tcp, 'tcp.analysis.keep_alive_ack') || has(tcp, 'tcp.analysis.zero_window_probe_ack')) return undefined;
  // A closed window's answer: the zero-window explanation names the probe (analysis note probeFrame).
  if (has(tcp, 'tcp.analysis.zero_window')) return undefined;
  const stream = num(tcp, 'tcp.stream', -1);
  const srcPort = num(tcp, 'tcp.srcport');
  const peer = peerBefore(capture, n, stream, srcPort);
  if (!peer || !(has(peer.tcp, 'tcp.analysis.keep_alive') || has(peer.tcp, 'tcp.analysis.zero_window_probe'))) return undefined;
  const own = ownBefore(capture, n, stream, srcPort);
  // Answered already, or a new acknowledgment: not an answer to the probe alone.
  if (own && (own.frame > peer.frame || num(own.tcp, 'tcp.ack') !== num(tcp, 'tcp.ack'))) return undefined;
  return {
    probeFrame: peer.frame,
    window: num(tcp, 'tcp.window_size'),
    windowBefore: own ? num(own.tcp, 'tcp.window_size', -1) : -1,
  };
}
