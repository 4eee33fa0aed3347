// The words of the TCP analysis explanations (content/strings/en/analysis.ts)
// for the cases a reading of the course found claiming more than the fields
// show: each expected phrase follows from the facts given and the RFC cited.
import { describe, expect, it } from 'vitest';
import type { ExplainContext, ExplainKey } from '../../decoder/analysis/explain.ts';
import type { FrameNote } from '../../decoder/analysis/tcp-analyzer.ts';
import { explanationText } from './analysis.ts';

const say = (key: ExplainKey, c: Partial<ExplainContext>, note: FrameNote = {}) =>
  explanationText({ key, params: { frame: 20, first: 101, last: 200, ack: 1, window: 1000, irttKnown: true, ...c, note } });

describe('retransmissions', () => {
  it('a copy of the oldest unacknowledged segment: names that frame once, and the timer only as too slow below 200 ms', () => {
    const t = say('retransmission', {}, { origFrame: 136, sinceNs: 150_517, rtoFrame: 136, rtoNs: 150_517 });
    expect(t).toContain('Frame 136 was also the oldest segment still unacknowledged, and 0.151 ms is too soon for the retransmission timer');
    expect(t).not.toContain('It left');
    const late = say('retransmission', {}, { origFrame: 4, sinceNs: 300e6, rtoFrame: 4, rtoNs: 300e6 });
    expect(late).not.toContain('too soon');
    const other = say('retransmission', {}, { origFrame: 7, sinceNs: 1e6, rtoFrame: 5, rtoNs: 2e6 });
    expect(other).toContain('It left 2.000 ms after frame 5, the oldest segment still unacknowledged: too soon');
  });

  it('a fast retransmission: the duplicate ACKs came before it, and the capture does not show why it was sent', () => {
    const t = say('fast_retransmission', {}, { origFrame: 48, dupAckNum: 4, ackFrame: 60 });
    expect(t).toContain('after 4 duplicate ACKs (repeating the ACK of frame 60) had asked for byte 101');
    expect(t).toContain('the capture cannot show what made the sender resend it');
    expect(t).not.toMatch(/right after|, sent without waiting/);
  });

  it('out of order: an earlier copy in the capture makes it a second copy; without one the capture cannot tell', () => {
    const copy = say('out_of_order', {}, { origFrame: 241, aheadFrame: 261, sinceNs: 20_599, thresholdNs: 65_000 });
    expect(copy).toContain('The capture already showed them in frame 241, so this is a second copy');
    const none = say('out_of_order', {}, { aheadFrame: 261, sinceNs: 20_599, thresholdNs: 65_000 });
    expect(none).toContain('The capture shows no earlier copy of them, so it cannot tell which.');
  });
});

describe('SACK blocks', () => {
  it('gives the bytes of a D-SACK block: the right edge is the byte after it (RFC 2018 3)', () => {
    const t = say('dsack', { ack: 39, dsack: [1, 39], dsackBelowAck: true });
    expect(t).toContain('The first SACK block 1-39 (bytes 1 to 38: the right edge is the byte after the block) lies below the cumulative ACK 39');
  });

  it('a block that starts before the capture wraps around 2^32: 2^32 - 4294966956 + 1 = 341 bytes', () => {
    const t = say('dsack', { ack: 1, dsack: [4294966956, 1], dsackBelowAck: true });
    expect(t).toContain('4294966956-1 (341 bytes ending just before 1;');
    expect(t).not.toContain('bytes 4294966956 to');
  });

  it('a duplicate ACK carrying a D-SACK reports a duplicate segment, not a gap', () => {
    const t = say('duplicate_ack', { ack: 39, dsack: [1, 39] }, { dupAckNum: 1, dupAckFrame: 5 });
    expect(t).toContain('carries a D-SACK block');
    expect(t).not.toContain('beyond a gap');
    expect(say('duplicate_ack', { ack: 39 }, { dupAckNum: 1, dupAckFrame: 5 })).toContain('beyond a gap and still waits for byte 39');
  });
});

describe('windows and keep-alives', () => {
  it('a window already 0 in the side’s previous segment stays 0', () => {
    expect(say('zero_window', {}, { zeroBeforeFrame: 7 })).toContain('Frame 20 still advertises a receive window of 0, as frame 7 did');
    expect(say('zero_window', {})).toContain('Frame 20 advertises a receive window of 0: the receiver');
    expect(say('zero_window', {}, { zeroBeforeFrame: 7, probeFrame: 8 })).toContain(
      'Frame 20 answers the probe in frame 8, and still advertises a receive window of 0, as frame 7 did',
    );
  });

  it('a keep-alive: with or without its byte; a closed peer window may be probed (RFC 9293 3.8.6.1), an open one not', () => {
    const closed = say('keep_alive', { first: 1460, last: 1459, nextExpected: 1461 }, { peerWindow: 0, peerWindowFrame: 7 });
    expect(closed).toContain('one below the next expected 1461, with no data');
    expect(closed).toContain('may be a probe of that closed window (RFC 9293 3.8.6.1)');
    const open = say('keep_alive', { first: 6, last: 6, nextExpected: 7 }, { peerWindow: 65536, peerWindowFrame: 6 });
    expect(open).toContain('carrying one byte already sent');
    expect(open).toContain('was 65536 bytes, open, so no closed window needed a probe');
    for (const t of [closed, open]) expect(t).not.toMatch(/\bidle\b/);
  });
});
