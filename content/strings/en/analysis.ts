// The plain-language explanations of the TCP analysis results, in English: one
// sentence or more per key of src/decoder/analysis/explain.ts, naming the
// frames involved. The decoder gives the key and the facts; this file the words.
import type { ExplainContext, ExplainKey } from '../../../src/decoder/analysis/explain.ts';
import type { FrameNote } from '../../../src/decoder/analysis/tcp-analyzer.ts';

const ms = (ns: number | undefined): string => (ns === undefined ? '?' : (ns / 1e6).toFixed(3) + ' ms');
/** What the segment occupies: its bytes, or an empty segment's SYN or FIN (which has no byte range). */
const range = (c: ExplainContext): string => (c.last >= c.first || !c.control ? `bytes ${c.first}-${c.last}` : `the ${c.control} (sequence number ${c.first})`);
const them = (c: ExplainContext): string => (c.last >= c.first || !c.control ? 'them' : 'it');
const firstSent = (n: FrameNote | undefined): string =>
  n?.origFrame ? `first sent in frame ${n.origFrame}` : 'sent before in a frame the capture does not show';

export const analysis = {
  retransmission: (c: ExplainContext): string =>
    `This segment repeats ${range(c)}, ${firstSent(c.note)}${c.note?.sinceNs !== undefined ? ` (${ms(c.note.sinceNs)} earlier)` : ''}; ` +
    `no acknowledgment for ${them(c)} had arrived, so the sender sent ${them(c)} again: a retransmission. ` +
    'The capture cannot show the reason: a retransmission timer that ran out, or loss recovery (SACK, RACK) that judged the segment lost.' +
    (c.note?.rtoFrame
      ? ` It left ${ms(c.note.rtoNs)} after frame ${c.note.rtoFrame}, the oldest segment still unacknowledged` +
        ((c.note.rtoNs ?? 0) < 200e6 ? ': too soon for a timer, which waits at least about 200 ms on common stacks.' : '.')
      : ''),
  fast_retransmission: (c: ExplainContext): string =>
    `This segment repeats ${range(c)}, ${firstSent(c.note)}, right after ${c.note?.dupAckNum ?? 2} duplicate ACKs ` +
    `(repeating the ACK of frame ${c.note?.ackFrame ?? '?'}) asked for byte ${c.first}: a fast retransmission (RFC 5681), sent without waiting for the timer. ` +
    'Wireshark calls it so when at least two duplicate ACKs came less than 20 ms before (a heuristic).',
  spurious_retransmission: (c: ExplainContext): string =>
    `This segment repeats ${range(c)}, ${firstSent(c.note)}; the receiver had already acknowledged ${them(c)} in frame ${c.note?.ackFrame ?? '?'}, so the copy was not needed (a spurious retransmission).`,
  out_of_order: (c: ExplainContext): string =>
    `This segment carries ${range(c)}, lower than frame ${c.note?.aheadFrame ?? '?'} had already reached, and it came only ${ms(c.note?.sinceNs)} after it, ` +
    `less than ${c.irttKnown ? 'the handshake round-trip time' : 'the 3 ms Wireshark assumes when no round-trip time is known'} (${ms(c.note?.thresholdNs)}). ` +
    'Wireshark therefore calls it out-of-order: reordered on the way, or resent very quickly by loss recovery. ' +
    'The capture alone cannot tell which (a heuristic): a copy of bytes sent before, captured at the sender, is a retransmission.',
  lost_segment: (c: ExplainContext): string =>
    `This segment starts at byte ${c.note?.gapTo ?? c.first}, but after frame ${c.note?.aheadFrame ?? '?'} the next byte expected was ${c.note?.gapFrom ?? '?'}: ` +
    `bytes ${c.note?.gapFrom ?? '?'}-${(c.note?.gapTo ?? 1) - 1} were sent but not captured (lost on the way, or missed by the capture).`,
  ack_lost_segment: (c: ExplainContext): string =>
    `This ACK acknowledges bytes up to ${c.note?.gapTo ?? c.ack}, but the capture has seen the other side send only up to ${(c.note?.gapFrom ?? 1) - 1}: ` +
    'the acknowledged segment was not captured (common at the start of a capture).',
  keep_alive: (c: ExplainContext): string =>
    `This segment uses sequence number ${c.first}, one below the next expected ${c.nextExpected ?? c.first + 1}, ${c.last >= c.first ? 'carrying one byte already sent' : 'with no data'}: ` +
    'nothing new for the peer, which can only answer with an ACK. Wireshark flags this pattern as a keep-alive (a heuristic). ' +
    (c.note?.peerWindow === undefined
      ? 'The fields do not show why it was sent: a keep-alive timer (RFC 9293 3.8.4) or a probe of a closed window look the same.'
      : c.note.peerWindow === 0
        ? `The peer's last window, in frame ${c.note.peerWindowFrame ?? '?'}, was 0, so this may be a probe of that closed window (RFC 9293 3.8.6.1): it looks the same as a keep-alive (3.8.4).`
        : `The peer's last window, in frame ${c.note.peerWindowFrame ?? '?'}, was ${c.note.peerWindow} bytes, open, so no closed window needed a probe; ` +
          'the fields do not show what sent it (a keep-alive timer, RFC 9293 3.8.4, is one possibility).'),
  keep_alive_ack: (c: ExplainContext): string =>
    `This ACK repeats the same acknowledgment and window, answering the keep-alive in frame ${c.note?.answersFrame ?? '?'}: the peer is still there.`,
  duplicate_ack: (c: ExplainContext): string =>
    `Duplicate ACK #${c.note?.dupAckNum ?? '?'}: it repeats ACK ${c.ack} and the window of frame ${c.note?.dupAckFrame ?? '?'} without data, ` +
    (c.dsack
      ? 'and reports with a D-SACK that a segment arrived twice: the receiver already had those bytes.'
      : `which usually means the receiver got a segment beyond a gap and still waits for byte ${c.ack}.`),
  zero_window: (c: ExplainContext): string =>
    c.note?.zeroBeforeFrame
      ? `Frame ${c.frame} still advertises a receive window of 0, as frame ${c.note.zeroBeforeFrame} did: the receiver's buffer is still full, and the other side must go on waiting.`
      : `Frame ${c.frame} advertises a receive window of 0: the receiver's buffer is full, and the other side must stop sending data until the window opens.`,
  zero_window_probe: (c: ExplainContext): string =>
    `This one-byte segment (byte ${c.first}) is sent while the peer advertises a zero window: a zero-window probe asking whether space has opened (RFC 9293 3.8.6.1).`,
  zero_window_probe_ack: (c: ExplainContext): string =>
    `This ACK answers the zero-window probe in frame ${c.note?.answersFrame ?? '?'}; its window is still 0.`,
  window_update: (c: ExplainContext): string =>
    `This bare ACK only changes the advertised window, from ${c.note?.prevWindow ?? '?'} to ${c.window} bytes: a window update telling the sender it may send more.`,
  window_full: (c: ExplainContext): string =>
    `This segment ends at byte ${c.last}, exactly the edge of the window the receiver advertised in frame ${c.note?.ackFrame ?? '?'} ` +
    `(${c.note?.prevWindow ?? '?'} bytes beyond its ACK): the sender must now wait for an ACK or a window update.`,
  reused_ports: (c: ExplainContext): string =>
    `This SYN uses the same addresses and ports as an earlier connection${c.reusedFromStream !== undefined ? ` (stream ${c.reusedFromStream})` : ''} but a new initial sequence number: a new connection reusing the ports.`,
  dsack: (c: ExplainContext): string =>
    `The first SACK block ${c.dsack ? `${c.dsack[0]}-${c.dsack[1]}` : ''} ` +
    (c.dsackBelowAck ? `lies below the cumulative ACK ${c.ack}` : 'lies inside the second SACK block') +
    ': a D-SACK (RFC 2883), reporting that these bytes arrived twice.',
} as const satisfies Record<ExplainKey, (c: ExplainContext) => string>;
