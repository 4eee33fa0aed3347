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

/** RTO 200 ms: Linux's minimum retransmission timeout (the smallest of the common stacks'; RFC 6298 2.4 asks for 1 s). */
const MIN_RTO_NS = 200e6;
/** A plain retransmission's time since the oldest unacknowledged segment, and whether the timer could have run out by then. */
const oldestUnacked = (n: FrameNote): string => {
  const soon = (n.rtoNs ?? 0) < MIN_RTO_NS;
  const timer = 'too soon for the retransmission timer, which waits at least about 200 ms on common stacks.';
  return n.rtoFrame === n.origFrame
    ? ` Frame ${n.rtoFrame} was also the oldest segment still unacknowledged${soon ? `, and ${ms(n.rtoNs)} is ${timer}` : '.'}`
    : ` It left ${ms(n.rtoNs)} after frame ${n.rtoFrame}, the oldest segment still unacknowledged${soon ? `: ${timer}` : '.'}`;
};

/**
 * A SACK block's edges as tshark shows them, and the bytes they hold (the right edge is the first byte after
 * the block, RFC 2018 3). Relative numbers wrap around 2^32 when the block starts before the first byte the
 * capture shows.
 */
const dsackBlock = ([left, right]: [number, number]): string => {
  const length = (right - left + 2 ** 32) % 2 ** 32;
  return left <= right
    ? `${left}-${right} (bytes ${left} to ${right - 1}: the right edge is the byte after the block)`
    : `${left}-${right} (${length} bytes ending just before ${right}; the left edge wraps around below 0 because the block starts before the first byte the capture shows)`;
};

export const analysis = {
  retransmission: (c: ExplainContext): string =>
    `This segment repeats ${range(c)}, ${firstSent(c.note)}${c.note?.sinceNs !== undefined ? ` (${ms(c.note.sinceNs)} earlier)` : ''}; ` +
    `no acknowledgment for ${them(c)} had arrived, so the sender sent ${them(c)} again: a retransmission. ` +
    'The capture cannot show the reason: the retransmission timer (RTO) running out, or loss recovery (SACK, RACK) judging the segment lost.' +
    (c.note?.rtoFrame ? oldestUnacked(c.note) : ''),
  fast_retransmission: (c: ExplainContext): string =>
    `This segment repeats ${range(c)}, ${firstSent(c.note)}, after ${c.note?.dupAckNum ?? 2} duplicate ACKs ` +
    `(repeating the ACK of frame ${c.note?.ackFrame ?? '?'}) had asked for byte ${c.first}. ` +
    'Wireshark calls it a fast retransmission (RFC 5681: resent on duplicate ACKs, without waiting for the retransmission timer) ' +
    'when at least two duplicate ACKs came less than 20 ms before it (a heuristic); ' +
    'the capture cannot show what made the sender resend it: those duplicate ACKs, or loss recovery (SACK, RACK) judging the segment lost.',
  spurious_retransmission: (c: ExplainContext): string =>
    `This segment repeats ${range(c)}, ${firstSent(c.note)}; the receiver had already acknowledged ${them(c)} in frame ${c.note?.ackFrame ?? '?'}, so the copy was not needed (a spurious retransmission).`,
  out_of_order: (c: ExplainContext): string =>
    `This segment carries ${range(c)}, lower than frame ${c.note?.aheadFrame ?? '?'} had already reached, and it came only ${ms(c.note?.sinceNs)} after it, ` +
    `less than ${c.irttKnown ? 'the handshake round-trip time' : 'the 3 ms Wireshark assumes when no round-trip time is known'} (${ms(c.note?.thresholdNs)}). ` +
    'Wireshark therefore calls it out-of-order (a heuristic that does not look for an earlier copy): reordered on the way, or resent very quickly by loss recovery. ' +
    (c.note?.origFrame
      ? `The capture already showed ${them(c)} in frame ${c.note.origFrame}, so this is a second copy: where the capture is taken at the sender, a retransmission.`
      : `The capture shows no earlier copy of ${them(c)}, so it cannot tell which.`),
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
      ? 'and carries a D-SACK block: it reports a segment that arrived twice, not a gap.'
      : `which usually means the receiver got a segment beyond a gap and still waits for byte ${c.ack}.`),
  zero_window: (c: ExplainContext): string =>
    (c.note?.probeFrame ? `Frame ${c.frame} answers the probe in frame ${c.note.probeFrame}, and ` : `Frame ${c.frame} `) +
    (c.note?.zeroBeforeFrame
      ? `still advertises a receive window of 0, as frame ${c.note.zeroBeforeFrame} did: the receiver's buffer is still full, and the other side must go on waiting.`
      : "advertises a receive window of 0: the receiver's buffer is full, and the other side must stop sending data until the window opens."),
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
    `The first SACK block ${c.dsack ? dsackBlock(c.dsack) : ''} ` +
    (c.dsackBelowAck ? `lies below the cumulative ACK ${c.ack}` : 'lies inside the second SACK block') +
    ': a D-SACK (RFC 2883), reporting that these bytes arrived twice.',
} as const satisfies Record<ExplainKey, (c: ExplainContext) => string>;
