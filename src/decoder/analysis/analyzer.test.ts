import { describe, expect, it } from 'vitest';
import { finishAnalysis, type ConversationAnalysis } from './analysis.ts';
import {
  A_ACK_LOST_PACKET,
  A_DSACK,
  A_DUPLICATE_ACK,
  A_FAST_RETRANSMISSION,
  A_KEEP_ALIVE,
  A_KEEP_ALIVE_ACK,
  A_LOST_PACKET,
  A_OUT_OF_ORDER,
  A_RETRANSMISSION,
  A_REUSED_PORTS,
  A_SPURIOUS_RETRANSMISSION,
  A_WINDOW_FULL,
  A_WINDOW_UPDATE,
  A_ZERO_WINDOW,
  A_ZERO_WINDOW_PROBE,
  A_ZERO_WINDOW_PROBE_ACK,
} from './analysis-flags.ts';
import { followTcp, type FollowTcpPacket } from './follow-tcp.ts';
import { SCENARIOS } from './scenarios.ts';
import { createTcpAnalyzer } from './tcp-analyzer.ts';
import { Conversation, TH_ACK, TH_FIN } from './test-scenarios.ts';
import { TH_SYN, type TcpSegmentInput } from './types.ts';
import { explanationText } from '../../lib/strings/analysis.ts';

function run(segs: TcpSegmentInput[]): ConversationAnalysis {
  const an = createTcpAnalyzer();
  for (const s of segs) an.addTcp(s);
  return finishAnalysis(an.finish());
}

function scenario(name: string): { segs: TcpSegmentInput[]; a: ConversationAnalysis; seg: (f: number) => TcpSegmentInput } {
  const segs = SCENARIOS[name]();
  const a = run(segs);
  return { segs, a, seg: (f) => segs[f - 1] };
}

const field = (a: ConversationAnalysis, s: TcpSegmentInput, name: string): string[] =>
  a
    .tcpFields(s)
    .filter((f) => f.name === name)
    .map((f) => f.show);

const text = (a: ConversationAnalysis, s: TcpSegmentInput, f: string): string => {
  const e = a.explain(s).find((x) => x.field === f);
  return e ? explanationText(e) : '';
};

/** Frames that carry any of the given bits. */
const flagged = (a: ConversationAnalysis, n: number, bit: number): number[] => {
  const out: number[] = [];
  for (let f = 1; f <= n; f++) if (a.flagsOf(f) & bit) out.push(f);
  return out;
};

describe('retransmission after a timeout', () => {
  const { segs, a, seg } = scenario('retransmission');
  it('flags only frame 8, with the RTO measured from frame 5', () => {
    expect(flagged(a, segs.length, A_RETRANSMISSION)).toEqual([8]);
    expect(field(a, seg(8), 'tcp.analysis.rto_frame')).toEqual(['5']);
    expect(field(a, seg(8), 'tcp.analysis.rto')).toEqual(['0.209900000']);
  });
  it('explains which frame first sent the bytes', () => {
    const t = text(a, seg(8), 'tcp.analysis.retransmission');
    expect(t).toContain('bytes 1001-2000');
    expect(t).toContain('first sent in frame 5');
  });
  it('the final ACK names the highest segment it covers exactly', () => {
    expect(field(a, seg(9), 'tcp.analysis.acks_frame')).toEqual(['6']);
  });
});

describe('lost segment, duplicate ACKs and fast retransmission', () => {
  const { segs, a, seg } = scenario('fast_retransmission');
  it('flags the gap, three duplicate ACKs and the fast retransmission', () => {
    expect(flagged(a, segs.length, A_LOST_PACKET)).toEqual([5]);
    expect(flagged(a, segs.length, A_DUPLICATE_ACK)).toEqual([9, 10, 11]);
    expect(flagged(a, segs.length, A_FAST_RETRANSMISSION)).toEqual([12]);
    expect(field(a, seg(11), 'tcp.analysis.duplicate_ack_num')).toEqual(['3']);
    expect(field(a, seg(11), 'tcp.analysis.duplicate_ack_frame')).toEqual(['8']);
    // Listed as a retransmission too, as Wireshark does.
    expect(field(a, seg(12), 'tcp.analysis.retransmission')).toEqual(['1']);
  });
  it('subtracts the SACKed bytes from the bytes in flight', () => {
    expect(field(a, seg(12), 'tcp.analysis.bytes_in_flight')).toEqual(['1000']);
  });
  it('explains each with the frames involved', () => {
    const lost = text(a, seg(5), 'tcp.analysis.lost_segment');
    expect(lost).toContain('after frame 4');
    expect(lost).toContain('bytes 1001-2000');
    expect(text(a, seg(10), 'tcp.analysis.duplicate_ack')).toContain('Duplicate ACK #2');
    expect(text(a, seg(10), 'tcp.analysis.duplicate_ack')).toContain('frame 8');
    const fast = text(a, seg(12), 'tcp.analysis.fast_retransmission');
    expect(fast).toContain('3 duplicate ACKs');
    expect(fast).toContain('frame 8');
    expect(fast).toContain('20 ms');
  });
});

describe('spurious retransmission and D-SACK', () => {
  const { segs, a, seg } = scenario('spurious_dsack');
  it('flags frame 6 as spurious and frame 7 as a duplicate ACK with a D-SACK', () => {
    expect(flagged(a, segs.length, A_SPURIOUS_RETRANSMISSION)).toEqual([6]);
    expect(flagged(a, segs.length, A_DSACK)).toEqual([7]);
    expect(flagged(a, segs.length, A_DUPLICATE_ACK)).toEqual([7]);
    expect(field(a, seg(7), 'tcp.options.sack.dsack_le')).toEqual(['1']);
    expect(field(a, seg(7), 'tcp.options.sack.dsack_re')).toEqual(['39']);
  });
  it('explains that the receiver had already acknowledged the bytes', () => {
    expect(text(a, seg(6), 'tcp.analysis.spurious_retransmission')).toBe(
      'This segment repeats bytes 1-38, first sent in frame 4; the receiver had already acknowledged them in frame 5, so the copy was not needed (a spurious retransmission).',
    );
    expect(text(a, seg(7), 'tcp.options.sack.dsack')).toContain('1-39');
  });
});

describe('D-SACK inside the second SACK block', () => {
  const { segs, a, seg } = scenario('dsack_in_second_block');
  it('recognises the duplicate report above the ACK', () => {
    expect(flagged(a, segs.length, A_DSACK)).toEqual([segs.length]);
    expect(field(a, seg(segs.length), 'tcp.options.sack.dsack_le')).toEqual(['2001']);
    expect(text(a, seg(segs.length), 'tcp.options.sack.dsack')).toContain('2001-2501');
  });
});

describe('out of order', () => {
  const { segs, a, seg } = scenario('out_of_order');
  it('flags the late segment as out of order, not as a retransmission', () => {
    expect(flagged(a, segs.length, A_OUT_OF_ORDER)).toEqual([6]);
    expect(flagged(a, segs.length, A_RETRANSMISSION)).toEqual([]);
    expect(flagged(a, segs.length, A_LOST_PACKET)).toEqual([5]);
  });
  it('explains the timing test against the handshake RTT', () => {
    const t = text(a, seg(6), 'tcp.analysis.out_of_order');
    expect(t).toContain('frame 5');
    expect(t).toContain('0.200 ms');
    expect(t).toContain('handshake round-trip time');
    expect(t).toContain('10.000 ms');
  });
  it('a copy arriving later than the RTT is a retransmission instead', () => {
    const c = new Conversation()
      .handshake(10)
      .send('a', { at: 20, len: 1000 })
      .send('a', { at: 20.1, seq: 2001, len: 1000 })
      .send('a', { at: 45, seq: 1001, len: 1000 });
    const r = run(c.segments);
    expect(r.flagsOf(6) & (A_OUT_OF_ORDER | A_RETRANSMISSION)).toBe(A_RETRANSMISSION);
  });
});

describe('ACK of a segment that was not captured', () => {
  const { a, seg } = scenario('ack_lost_segment');
  it('flags frame 5 and says which bytes were missed', () => {
    expect(a.flagsOf(5) & A_ACK_LOST_PACKET).toBeTruthy();
    expect(text(a, seg(5), 'tcp.analysis.ack_lost_segment')).toContain('up to 1001');
    expect(text(a, seg(5), 'tcp.analysis.ack_lost_segment')).toContain('only up to 500');
  });
});

describe('zero window, probe, probe ACK, window update', () => {
  const { a, seg } = scenario('zero_window');
  it('flags each frame as tshark does', () => {
    expect(a.flagsOf(5)).toBe(A_ZERO_WINDOW);
    expect(a.flagsOf(6)).toBe(A_ZERO_WINDOW_PROBE);
    expect(a.flagsOf(7)).toBe(A_ZERO_WINDOW | A_ZERO_WINDOW_PROBE_ACK);
    expect(a.flagsOf(8)).toBe(A_WINDOW_UPDATE);
    // The probe's byte does not advance the next expected sequence: frame 9 is new data.
    expect(a.flagsOf(9)).toBe(0);
  });
  it('names the probe and the windows', () => {
    expect(text(a, seg(7), 'tcp.analysis.zero_window_probe_ack')).toContain('frame 6');
    expect(text(a, seg(8), 'tcp.analysis.window_update')).toContain('from 0 to 38400');
    expect(text(a, seg(5), 'tcp.analysis.zero_window')).toContain('Frame 5');
  });
  it('says a window that B had already closed (frame 5) stays closed (frame 7), and a first zero window closes it', () => {
    expect(text(a, seg(5), 'tcp.analysis.zero_window')).not.toContain('still');
    expect(text(a, seg(7), 'tcp.analysis.zero_window')).toContain('Frame 7 still advertises a receive window of 0, as frame 5 did');
  });
});

describe('keep-alive', () => {
  const { a, seg } = scenario('keep_alive');
  it('flags both keep-alives and their ACKs', () => {
    expect([6, 7, 8, 9].map((f) => a.flagsOf(f))).toEqual([A_KEEP_ALIVE, A_KEEP_ALIVE_ACK, A_KEEP_ALIVE, A_KEEP_ALIVE_ACK]);
    expect(text(a, seg(7), 'tcp.analysis.keep_alive_ack')).toContain('frame 6');
    expect(text(a, seg(6), 'tcp.analysis.keep_alive')).toContain('sequence number 100');
  });
  it('says whether the keep-alive carries a byte, and that an open window needed no probe', () => {
    expect(text(a, seg(6), 'tcp.analysis.keep_alive')).toContain('with no data');
    expect(text(a, seg(8), 'tcp.analysis.keep_alive')).toContain('carrying one byte already sent');
    // B's last window before frame 6 is open: no closed window to probe.
    expect(text(a, seg(6), 'tcp.analysis.keep_alive')).toMatch(/in frame 5, was [1-9]\d* bytes, open, so no closed window needed a probe/);
    expect(text(a, seg(6), 'tcp.analysis.keep_alive')).not.toMatch(/idle/);
  });
});

describe('window full', () => {
  const { a, seg } = scenario('window_full');
  it('flags the segment reaching the advertised edge and names the advertising frame', () => {
    expect(a.flagsOf(6) & A_WINDOW_FULL).toBeTruthy();
    expect(a.flagsOf(5) & A_WINDOW_FULL).toBe(0);
    expect(text(a, seg(6), 'tcp.analysis.window_full')).toContain('frame 4');
    expect(text(a, seg(6), 'tcp.analysis.window_full')).toContain('1024 bytes');
  });
});

describe('window scaling', () => {
  it('scales windows by the SYN option and reports the factor', () => {
    const { a, seg } = scenario('retransmission');
    expect(field(a, seg(3), 'tcp.window_size')).toEqual(['64256']);
    expect(field(a, seg(3), 'tcp.window_size_scalefactor')).toEqual(['128']);
    expect(field(a, seg(1), 'tcp.window_size_scalefactor')).toEqual([]);
  });
  it('-2 when a SYN came without the option', () => {
    const { a, seg } = scenario('no_window_scaling');
    expect(field(a, seg(4), 'tcp.window_size_scalefactor')).toEqual(['-2']);
    expect(field(a, seg(5), 'tcp.window_size_scalefactor')).toEqual(['-2']);
  });
  /**
   * A handshake whose SYN (side 'a') or SYN-ACK (side 'b') lost its options to the snap
   * length after MSS and SACK permitted. tshark 4.0 on tcp-keepalive.pcapng with that
   * frame cut to 60 bytes (editcap -s 60): the cut side's factor is -1, the other
   * side's is its own shift (1024), not -2.
   */
  const cutHandshake = (cut: 'a' | 'b' | 'both') => {
    const c = new Conversation().handshake(10, 10, 10).send('a', { at: 20, len: 10 }).ack('b', 21);
    const segs = c.segments.map((s, i) => {
      const side = i === 0 ? 'a' : i === 1 ? 'b' : null;
      if (side === null || (cut !== 'both' && cut !== side)) return s;
      return { ...s, options: { mss: 1460, sackPerm: true, cut: true } };
    });
    return { segs, a: run(segs) };
  };
  it('-1 on both sides when the snap length cut both SYNs before the window scale option', () => {
    const { segs, a } = cutHandshake('both');
    for (const f of [3, 4, 5]) expect(field(a, segs[f - 1], 'tcp.window_size_scalefactor')).toEqual(['-1']);
    expect(field(a, segs[3], 'tcp.window_size')).toEqual(['502']);
  });
  it('-1 only for the side whose SYN was cut, the shift for the other', () => {
    const syn = cutHandshake('a');
    expect(field(syn.a, syn.segs[3], 'tcp.window_size_scalefactor')).toEqual(['-1']);
    expect(field(syn.a, syn.segs[4], 'tcp.window_size_scalefactor')).toEqual(['1024']);
    const synAck = cutHandshake('b');
    expect(field(synAck.a, synAck.segs[3], 'tcp.window_size_scalefactor')).toEqual(['1024']);
    expect(field(synAck.a, synAck.segs[4], 'tcp.window_size_scalefactor')).toEqual(['-1']);
  });
  it('-1 when the handshake was not captured', () => {
    const c = new Conversation().handshake(10).send('a', { at: 20, len: 10 });
    const segs = c.segments.slice(3).map((s, i) => ({ ...s, frame: i + 1 }));
    const a = run(segs);
    expect(field(a, segs[0], 'tcp.window_size_scalefactor')).toEqual(['-1']);
    expect(field(a, segs[0], 'tcp.seq')).toEqual(['1']);
  });
});

describe('streams, port reuse and endings', () => {
  const { segs, a, seg } = scenario('reused_ports');
  it('gives the reused ports a new stream and flags its SYN', () => {
    expect(segs.map((s) => a.streamOf(s.frame))).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2]);
    expect(flagged(a, segs.length, A_REUSED_PORTS)).toEqual([9]);
    expect(text(a, seg(9), 'tcp.analysis.reused_ports')).toContain('new initial sequence number');
  });
  it('summarises each conversation', () => {
    const s0 = a.summary(0)!;
    expect(s0).toMatchObject({ packetsAtoB: 5, packetsBtoA: 3, bytesAtoB: 10, bytesBtoA: 0, ending: 'fin-both', retransmissions: 0 });
    expect(s0.handshakeRttNs).toBe(10_000_000n);
    expect(a.summary(1)).toMatchObject({ ending: 'rst', rstFrame: 13, reusedPorts: true });
    expect(a.summary(2)).toMatchObject({ ending: 'rst', rstFrame: 15, packetsAtoB: 1, packetsBtoA: 1 });
  });
});

describe('connection states (RFC 9293)', () => {
  it('follows the handshake and an orderly close', () => {
    const { segs, a } = scenario('no_window_scaling');
    const st = segs.map((s) => a.connectionStates(s.frame));
    expect(st[0]).toEqual({ a: 'SYN-SENT', b: 'LISTEN' });
    expect(st[1]).toEqual({ a: 'ESTABLISHED', b: 'SYN-RECEIVED' });
    expect(st[2]).toEqual({ a: 'ESTABLISHED', b: 'ESTABLISHED' });
    expect(st[5]).toEqual({ a: 'FIN-WAIT-1', b: 'CLOSE-WAIT' });
    expect(st[6]).toEqual({ a: 'TIME-WAIT', b: 'LAST-ACK' });
    expect(st[7]).toEqual({ a: 'TIME-WAIT', b: 'CLOSED' });
  });
  it('is unknown for a capture that starts mid-connection, and CLOSED after RST', () => {
    const c = new Conversation().handshake(10).send('a', { at: 20, len: 10 }).rst('b', 30);
    const segs = c.segments.slice(3).map((s, i) => ({ ...s, frame: i + 1 }));
    const a = run(segs);
    expect(a.connectionStates(1)).toEqual({ a: 'unknown', b: 'unknown' });
    expect(a.connectionStates(2)).toEqual({ a: 'CLOSED', b: 'CLOSED' });
  });
  it('cannot tell the state of a side whose peer’s FIN it never acknowledged in the capture', () => {
    // A FIN resent and never acknowledged may never have arrived (report-fin-rst): from that FIN
    // on, the receiver's state is unknown, even after a RST that may not have arrived either.
    const c = new Conversation().handshake(10).fin('a', 20).fin('a', 320).rst('a', 900);
    const segs = c.segments.map((s, i) => ({ ...s, frame: i + 1 }));
    const a = run(segs);
    expect(a.connectionStates(3)).toEqual({ a: 'ESTABLISHED', b: 'ESTABLISHED' });
    expect(a.connectionStates(4)).toEqual({ a: 'FIN-WAIT-1', b: 'unknown' });
    expect(a.connectionStates(5)).toEqual({ a: 'FIN-WAIT-1', b: 'unknown' });
    expect(a.connectionStates(6)).toEqual({ a: 'CLOSED', b: 'unknown' });
    // Acknowledged, the same FIN moves the receiver to CLOSE-WAIT as before.
    const acked = new Conversation().handshake(10).fin('a', 20).ack('b', 30);
    const b = run(acked.segments.map((s, i) => ({ ...s, frame: i + 1 })));
    expect(b.connectionStates(4)).toEqual({ a: 'FIN-WAIT-1', b: 'CLOSE-WAIT' });
    expect(b.connectionStates(5)).toEqual({ a: 'FIN-WAIT-2', b: 'CLOSE-WAIT' });
  });
});

describe('reassembly and follow stream', () => {
  const { segs, a } = scenario('reassembly');
  it('finds the HTTP messages and the DNS message', () => {
    expect(a.reassembledIn(4)).toBe(5);
    expect(a.reassembled(5)!.label).toBe('[2 Reassembled TCP Segments (65 bytes): #4(30), #5(35)]');
    expect(a.reassembled(9)!.frames).toEqual([7, 8, 9]);
    expect(a.reassembled(9)!.total).toBe(3067);
    expect(a.reassembled(13)!.kind).toBe('http');
    expect(a.reassembled(22)!.kind).toBe('dns');
    expect(a.reassembledIn(21)).toBe(22);
    expect(a.reassembled(5)!.offsets).toEqual([0, 0]);
  });
  it('tells the dissector which payloads to leave to reassembly', () => {
    expect(a.facts(segs[3])!.payload).toBe('segment');
    expect(a.facts(segs[4])!.payload).toBe('dissect');
    const { a: ra, seg } = scenario('spurious_dsack');
    expect(ra.facts(seg(6))!.payload).toBe('repeat');
  });
  it('rebuilds a PDU from its parts', () => {
    const r = a.reassembled(9)!;
    const bytes = r.frames.map((f, i) => segs[f - 1].payload!.subarray(r.offsets[i], r.offsets[i] + r.lengths[i]));
    const text = new TextDecoder().decode(new Uint8Array(bytes.flatMap((b) => [...b])));
    expect(text).toMatch(/^HTTP\/1.1 200 OK\r\nContent-Length: 3000\r\n/);
    expect(text.length).toBe(3067);
  });
  // The follow records of stream 0, a sender's consecutive records joined as the panel shows them.
  const follow = (an: typeof a, list: typeof segs) => {
    const packets: FollowTcpPacket[] = list
      .filter((s) => an.streamOf(s.frame) === 0)
      .map((s) => ({ ...s, seq: s.seqRaw, ack: s.ackRaw, syn: (s.flags & TH_SYN) !== 0, length: s.payloadLength, payload: s.payload ?? new Uint8Array(0) }));
    const runs: { node: number; frames: number[]; bytes: number[] }[] = [];
    for (const r of followTcp(0, packets).records) {
      const last = runs.at(-1);
      if (last?.node === r.node) {
        last.frames.push(r.frame);
        last.bytes.push(...r.bytes);
      } else runs.push({ node: r.node, frames: [r.frame], bytes: [...r.bytes] });
    }
    return runs;
  };
  it('follows a conversation in both directions, each byte once', () => {
    const runs = follow(a, segs);
    const dec = (b: number[]) => new TextDecoder().decode(new Uint8Array(b));
    expect(runs.map((c) => c.node)).toEqual([0, 1, 0, 1]);
    expect(dec(runs[0].bytes)).toMatch(/^GET \/a HTTP\/1.1\r\n/);
    expect(runs[0].frames).toEqual([4, 5]);
    expect(runs[1].bytes.length).toBe(3067);
    expect(dec(runs[3].bytes)).toContain('0\r\n\r\n');
  });
  it('drops a retransmitted copy when following', () => {
    const { segs: r, a: ra } = scenario('retransmission');
    const runs = follow(ra, r);
    expect(runs).toHaveLength(1);
    expect(runs[0].frames).toEqual([4, 5, 6]);
    expect(runs[0].bytes.length).toBe(3000);
  });
});

describe('sequence numbers wrapping past 2^32', () => {
  it('keeps relative numbers continuous and raises no flags', () => {
    const c = new Conversation({ isnA: 0xffffff00 }).handshake(10).send('a', { at: 20, len: 200 }).send('a', { at: 20.1, len: 200 }).ack('b', 25);
    const a = run(c.segments);
    expect(field(a, c.segments[4], 'tcp.seq')).toEqual(['201']);
    expect(field(a, c.segments[4], 'tcp.seq_raw')).toEqual([String((0xffffff00 + 201) >>> 0)]);
    expect(field(a, c.segments[5], 'tcp.analysis.acks_frame')).toEqual(['5']);
    expect(c.segments.map((s) => a.flagsOf(s.frame))).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('UDP streams', () => {
  it('numbers UDP conversations in order of first appearance, both directions together', () => {
    const an = createTcpAnalyzer();
    const d = (frame: number, src: string, sp: number, dst: string, dp: number) => ({ frame, time: BigInt(frame) * 1000n, src, dst, srcPort: sp, dstPort: dp });
    an.addUdp(d(1, '10.0.0.1', 5353, '10.0.0.53', 53));
    an.addUdp(d(2, '10.0.0.53', 53, '10.0.0.1', 5353));
    an.addUdp(d(3, '10.0.0.1', 5354, '10.0.0.53', 53));
    const a = finishAnalysis(an.finish());
    expect([1, 2, 3].map((f) => a.udpStreamOf(f))).toEqual([0, 0, 1]);
    expect(a.udpFields(d(2, '10.0.0.53', 53, '10.0.0.1', 5353))).toEqual([
      { name: 'udp.stream', show: '0' },
      { name: 'udp.time_relative', show: '0.000001000' },
      { name: 'udp.time_delta', show: '0.000001000' },
    ]);
  });
});

describe('explanations claim only what the fields show', () => {
  it('calls an ordinary SACK above the ACK no D-SACK', () => {
    // Frames 9-11 repeat ACK 1001 with SACK 2001-...: above the ACK, so tshark sets no
    // tcp.options.sack.dsack (as on the duplicate ACKs of tcp-loss.pcapng).
    const { a, seg } = scenario('fast_retransmission');
    for (const f of [9, 10, 11]) {
      const t = text(a, seg(f), 'tcp.analysis.duplicate_ack');
      expect(t).not.toContain('D-SACK');
      expect(t).toContain('still waits for byte 1001');
    }
  });

  it('places a D-SACK block below the ACK with sequence arithmetic modulo 2^32', () => {
    // The block starts 10 below the initial sequence number, so its relative left edge
    // (4294967286) is numerically above the ACK (39) but below it modulo 2^32 (RFC 9293 3.4).
    const segs = new Conversation()
      .handshake(10)
      .send('a', { at: 20, len: 38 })
      .ack('b', 25)
      .ack('b', 300, { sack: [[-10, 5]] }).segments;
    const a = run(segs);
    expect(a.flagsOf(6) & A_DSACK).toBeTruthy();
    expect(text(a, segs[5], 'tcp.options.sack.dsack')).toContain('lies below the cumulative ACK 39');
  });

  it('says a repeated empty FIN repeats the FIN, not a byte range', () => {
    const segs = new Conversation()
      .handshake(10)
      .send('a', { at: 20, flags: TH_FIN | TH_ACK })
      .send('a', { at: 320, seq: 1, flags: TH_FIN | TH_ACK }).segments;
    const a = run(segs);
    expect(a.flagsOf(5) & A_RETRANSMISSION).toBeTruthy();
    const t = text(a, segs[4], 'tcp.analysis.retransmission');
    expect(t).toContain('repeats the FIN (sequence number 1), first sent in frame 4');
    expect(t).not.toContain('bytes 1-0');
  });

  it('does not call a keep-alive pattern sent into a zero window an idle-connection keep-alive', () => {
    // Linux probes a zero window with SND.UNA - 1 (tcp-zerowindow.pcapng), which
    // Wireshark flags as a keep-alive: nothing in the fields says the connection was idle.
    const segs = new Conversation()
      .handshake(10)
      .send('a', { at: 20, len: 1000 })
      .ack('b', 25, { win: 0 })
      .send('a', { at: 250, seq: 1000, len: 0, flags: TH_ACK }).segments;
    const a = run(segs);
    expect(a.flagsOf(6) & A_KEEP_ALIVE).toBeTruthy();
    const t = text(a, segs[5], 'tcp.analysis.keep_alive');
    expect(t).not.toContain('idle');
    expect(t).toContain('one below the next expected 1001');
    expect(t).toContain("The peer's last window, in frame 5, was 0, so this may be a probe of that closed window (RFC 9293 3.8.6.1)");
    const plain = scenario('keep_alive');
    expect(text(plain.a, plain.seg(6), 'tcp.analysis.keep_alive')).not.toContain('idle');
  });
});
