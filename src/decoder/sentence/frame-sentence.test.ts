// Each frame's sentence against tshark's own fields for the same frames: the
// kind follows from tcp.flags, arp.opcode and the ARP addresses, dns.flags,
// icmp.type (the rules of RFC 9293, 826, 5227, 1035, 792, 4443), and the
// parameters are tshark's values.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tsharkFields, tsharkVersion } from '../../../test/golden/tshark.ts';
import { buildCapture, formatProblem } from '../build/build.ts';
import { openCapture } from '../open-capture.ts';
import { frameSentences } from './frame-sentence.ts';
import { sentenceText } from '../../lib/strings/frameSentence.ts';
import type { FrameSentence } from './sentence-types.ts';

const root = join(import.meta.dirname, '../../..');
const FIELDS = [
  'frame.number',
  'frame.protocols',
  'tcp.flags',
  'tcp.len',
  'tcp.seq',
  'tcp.ack',
  'tcp.srcport',
  'tcp.analysis.acks_frame',
  'arp.opcode',
  'arp.src.proto_ipv4',
  'arp.dst.proto_ipv4',
  'eth.dst',
  'dns.flags.response',
  'dns.flags.rcode',
  'dns.qry.name',
  'dns.response_to',
  'dns.response_in',
  'icmp.type',
  'icmp.code',
  'icmpv6.type',
  'icmpv6.code',
  'icmp.resp_to',
  'icmp.resp_in',
  'udp.srcport',
  'udp.dstport',
  'ip.reassembled_in',
  'ipv6.reassembled.in',
];

type Row = Record<string, string>;

function tsharkRows(path: string): Row[] {
  const [head, ...lines] = tsharkFields(path, FIELDS).trimEnd().split('\n');
  const names = head.split('\t');
  return lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [names[i], v])));
}

/** The first value of a field tshark printed ("" when absent). */
const first = (r: Row, name: string) => (r[name] ?? '').split(',')[0];
const int = (r: Row, name: string) => Number(first(r, name) || 0);

/** The kind of sentence a frame must get, from tshark's fields alone. */
function expectedKind(r: Row): string {
  const protocols = r['frame.protocols'].split(':');
  const top = protocols.find((p) => ['arp', 'icmp', 'icmpv6', 'tcp', 'udp'].includes(p));
  if (top === 'arp') {
    const op = int(r, 'arp.opcode');
    const src = r['arp.src.proto_ipv4'];
    if (op === 1 && src === '0.0.0.0') return 'arp_probe';
    const same = src !== '' && src === r['arp.dst.proto_ipv4'];
    return op === 1 ? (same ? 'arp_gratuitous_request' : 'arp_request') : same ? 'arp_gratuitous_reply' : 'arp_reply';
  }
  if (top === 'icmp' || top === 'icmpv6') return top;
  if (top === 'tcp') {
    const f = int(r, 'tcp.flags');
    if (f & 0x04) return 'rst';
    if (f & 0x02) return f & 0x10 ? 'tcp_syn_ack' : 'tcp_syn';
    if (f & 0x01) return 'tcp_fin';
    return int(r, 'tcp.len') > 0 ? 'tcp_data' : 'tcp_ack';
  }
  if (top === 'udp') {
    if (r['dns.flags.response'] !== '') return r['dns.flags.response'] === '1' || r['dns.flags.response'] === 'True' ? 'dns_response' : 'dns_query';
    return 'udp';
  }
  return r['ip.reassembled_in'] || r['ipv6.reassembled.in'] ? 'ip_fragment' : 'other';
}

/** `only`: the frames to hold to tshark (the others are still given a sentence). */
/** A capture built from a spec's frames (A 10.0.0.1, B 10.0.0.2), written where tshark can read it. */
function built(frames: string): string {
  const spec = `capture: {epoch: 1700000000}
hosts:
  A: {mac: "02:00:00:00:00:01", ip: 10.0.0.1, ttl: 64}
  B: {mac: "02:00:00:00:00:02", ip: 10.0.0.2, ttl: 64}
frames:
${frames}`;
  const r = buildCapture(spec, 'sentence.spec.yaml');
  if (!r.bytes) throw new Error(formatProblem(r.problem!));
  const path = join(mkdtempSync(join(tmpdir(), 'wirebook-sentence-')), 'built.pcapng');
  writeFileSync(path, r.bytes);
  return path;
}

function checkCapture(rel: string, only: (r: Row) => boolean = () => true): { rows: Row[]; sentences: FrameSentence[][] } {
  const path = rel.startsWith('/') ? rel : join(root, rel);
  const capture = openCapture(new Uint8Array(readFileSync(path)));
  const rows = tsharkRows(path);
  const sentences = rows.map((r) => frameSentences(capture, int(r, 'frame.number')));
  rows.forEach((r, i) => {
    if (!only(r)) return;
    const s = sentences[i][0];
    const want = expectedKind(r);
    const frame = r['frame.number'];
    if (want === 'rst') expect(s.key, `frame ${frame}`).toMatch(/^rst_/);
    else expect(s.key, `frame ${frame}`).toBe(want);
    const p = s.params as unknown as Record<string, unknown>;
    if (s.key.startsWith('tcp_') || s.key.startsWith('rst_')) {
      expect(p.seq, `frame ${frame} tcp.seq`).toBe(int(r, 'tcp.seq'));
      expect(p.ack, `frame ${frame} tcp.ack`).toBe(int(r, 'tcp.ack'));
      expect(p.len, `frame ${frame} tcp.len`).toBe(int(r, 'tcp.len'));
      expect(p.acksFrame, `frame ${frame} tcp.analysis.acks_frame`).toBe(int(r, 'tcp.analysis.acks_frame'));
    }
    if (s.key.startsWith('arp_')) {
      expect(p.senderIp).toBe(r['arp.src.proto_ipv4']);
      expect(p.targetIp).toBe(r['arp.dst.proto_ipv4']);
      expect(p.linkDst, `frame ${frame} eth.dst`).toBe(r['eth.dst'] || undefined);
    }
    if (s.key === 'dns_response') {
      expect(p.rcode, `frame ${frame} dns.flags.rcode`).toBe(int(r, 'dns.flags.rcode'));
      expect(p.queryFrame).toBe(int(r, 'dns.response_to'));
    }
    if (s.key === 'dns_query') expect(p.otherFrame).toBe(int(r, 'dns.response_in'));
    if (s.key === 'dns_query' || s.key === 'dns_response') expect(p.name).toBe(first(r, 'dns.qry.name'));
    if (s.key === 'icmp' || s.key === 'icmpv6') {
      expect(p.type, `frame ${frame} type`).toBe(int(r, `${s.key}.type`));
      expect(p.code, `frame ${frame} code`).toBe(int(r, `${s.key}.code`));
    }
    if (s.key === 'icmp' && (p.type === 0 || p.type === 8)) expect(p.otherFrame).toBe(int(r, 'icmp.resp_to') || int(r, 'icmp.resp_in'));
    if (s.key === 'udp') expect([p.srcPort, p.dstPort]).toEqual([int(r, 'udp.srcport'), int(r, 'udp.dstport')]);
    if (s.key === 'ip_fragment') expect(p.reassembledIn).toBe(int(r, 'ip.reassembled_in') || int(r, 'ipv6.reassembled.in'));
  });
  return { rows, sentences };
}

describe.skipIf(!tsharkVersion())('frame sentences agree with tshark’s fields', () => {
  it('ARP: request, reply, probe (sender 0.0.0.0) and announcement (sender = target)', () => {
    const { sentences } = checkCapture('captures/recorded/arp.pcapng');
    expect(sentences.map((s) => s[0].key)).toEqual(['arp_request', 'arp_reply', 'icmp', 'icmp', 'arp_probe', 'arp_gratuitous_request']);
    checkCapture('captures/rebuilt/report-arp.pcapng');
  });

  it('DNS: queries, and responses with their response code (NXDOMAIN is 3)', () => {
    const { rows, sentences } = checkCapture('captures/recorded/udp-dns.pcapng');
    const nx = rows.findIndex((r) => r['dns.flags.rcode'] === '3');
    expect(nx).toBeGreaterThan(0);
    expect(sentences[nx][0]).toMatchObject({ key: 'dns_response', params: { rcode: 3 } });
    checkCapture('captures/rebuilt/report-dns.pcapng');
  });

  it('RST answering a SYN: refused, naming the SYN it acknowledges', () => {
    const { rows, sentences } = checkCapture('captures/recorded/tcp-closed-port.pcapng');
    const rst = rows.findIndex((r) => int(r, 'tcp.flags') & 0x04);
    expect(sentences[rst][0]).toMatchObject({ key: 'rst_refused', params: { synFrame: int(rows[rst], 'tcp.analysis.acks_frame') } });
    expect(int(rows[int(rows[rst], 'tcp.analysis.acks_frame') - 1], 'tcp.flags')).toBe(0x02);
  });

  it('RST after data, all acknowledged: an abort with nothing in flight', () => {
    const { rows, sentences } = checkCapture('captures/recorded/tcp-rst-linger.pcapng');
    const rst = rows.findIndex((r) => int(r, 'tcp.flags') & 0x04);
    expect(sentences[rst][0]).toMatchObject({
      key: 'rst_abort',
      params: { unacked: 0, sent: int(rows[rst], 'tcp.seq') - 1, received: int(rows[rst], 'tcp.ack') - 1 },
    });
  });

  it('RST with data in flight: an abort, counting the bytes the peer sent that it does not acknowledge', () => {
    const path = built(`  - {time: 0, from: A, to: B, ipv4: {id: 1}, tcp: {sport: 40000, dport: 80, seq: 1000, ack: 0, flags: [SYN], window: 64240}}
  - {time: 0.001, from: B, to: A, ipv4: {id: 2}, tcp: {sport: 80, dport: 40000, seq: 5000, ack: 1001, flags: [SYN, ACK], window: 64240}}
  - {time: 0.002, from: A, to: B, ipv4: {id: 1}, tcp: {sport: 40000, dport: 80, seq: 1001, ack: 5001, flags: [ACK], window: 64240}}
  - {time: 0.003, from: A, to: B, ipv4: {id: 1}, tcp: {sport: 40000, dport: 80, seq: 1001, ack: 5001, flags: [PSH, ACK], window: 64240}, payload: {fill: "x", length: 100}}
  - {time: 0.004, from: B, to: A, ipv4: {id: 2}, tcp: {sport: 80, dport: 40000, seq: 5001, ack: 1001, flags: [RST, ACK], window: 0}}
`);
    try {
      const { rows, sentences } = checkCapture(path);
      // tshark: frame 4 ends at relative byte 100 (tcp.nxtseq 101); the RST acknowledges only up to 1.
      const inFlight = Number(tsharkFields(path, ['tcp.nxtseq'], 'frame.number == 4').trim().split('\n')[1]) - int(rows[4], 'tcp.ack');
      expect(inFlight).toBe(100);
      expect(sentences[4][0]).toMatchObject({ key: 'rst_abort', params: { peerFrame: 4, unacked: inFlight } });
    } finally {
      rmSync(join(path, '..'), { recursive: true, force: true });
    }
  });

  it('RST after the sender’s own unanswered retransmissions: counts the copies and names the last', () => {
    const path = join(root, 'captures/rebuilt/report-fin-rst.pcapng');
    const { sentences } = checkCapture(path);
    // tshark: the RST's sender, its retransmissions at or above the other side's latest ACK, and the originals.
    const rows = tsharkFields(path, ['frame.number', 'tcp.srcport', 'tcp.seq', 'tcp.ack', 'tcp.flags', 'tcp.analysis.retransmission'])
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t'));
    const rstRow = rows.findIndex((r) => Number(r[4]) & 0x04);
    const rst = rows[rstRow];
    const peerAck = Number(rows.slice(0, rstRow).findLast((r) => r[1] !== rst[1])![3]);
    const copies = rows.slice(0, rstRow).filter((r) => r[1] === rst[1] && (r[5] ?? '') !== '' && Number(r[2]) >= peerAck);
    expect(copies.length).toBe(5);
    const original = rows.find((r) => r[1] === rst[1] && (r[5] ?? '') === '' && Number(r[4]) & 0x01)!;
    expect(sentences[rstRow][0]).toMatchObject({
      key: 'rst_abort',
      params: {
        resent: {
          count: copies.length,
          lastFrame: Number(copies.at(-1)![0]),
          firstFrame: Number(original[0]),
          seq: Number(original[2]),
          len: 0,
          fin: true,
          sameSegment: true,
        },
      },
    });
  });

  it('RST after retransmitted data: the copies’ bytes; different segments are told apart', () => {
    const path = built(`  - {time: 0, from: A, to: B, ipv4: {id: 1}, tcp: {sport: 40002, dport: 80, seq: 1000, ack: 0, flags: [SYN], window: 64240}}
  - {time: 0.001, from: B, to: A, ipv4: {id: 2}, tcp: {sport: 80, dport: 40002, seq: 5000, ack: 1001, flags: [SYN, ACK], window: 64240}}
  - {time: 0.002, from: A, to: B, ipv4: {id: 1}, tcp: {sport: 40002, dport: 80, seq: 1001, ack: 5001, flags: [ACK], window: 64240}}
  - {time: 0.003, from: A, to: B, ipv4: {id: 1}, tcp: {sport: 40002, dport: 80, seq: 1001, ack: 5001, flags: [PSH, ACK], window: 64240}, payload: {fill: "x", length: 100}}
  - {time: 0.300, from: A, to: B, ipv4: {id: 1}, tcp: {sport: 40002, dport: 80, seq: 1001, ack: 5001, flags: [PSH, ACK], window: 64240}, payload: {fill: "x", length: 100}}
  - {time: 0.900, from: A, to: B, ipv4: {id: 1}, tcp: {sport: 40002, dport: 80, seq: 1001, ack: 5001, flags: [PSH, ACK], window: 64240}, payload: {fill: "x", length: 100}}
  - {time: 2.100, from: A, to: B, ipv4: {id: 1}, tcp: {sport: 40002, dport: 80, seq: 1101, ack: 5001, flags: [RST, ACK], window: 0}}
  - {time: 3, from: A, to: B, ipv4: {id: 1}, tcp: {sport: 40003, dport: 80, seq: 1000, ack: 0, flags: [SYN], window: 64240}}
  - {time: 3.001, from: B, to: A, ipv4: {id: 2}, tcp: {sport: 80, dport: 40003, seq: 5000, ack: 1001, flags: [SYN, ACK], window: 64240}}
  - {time: 3.002, from: A, to: B, ipv4: {id: 1}, tcp: {sport: 40003, dport: 80, seq: 1001, ack: 5001, flags: [ACK], window: 64240}}
  - {time: 3.003, from: A, to: B, ipv4: {id: 1}, tcp: {sport: 40003, dport: 80, seq: 1001, ack: 5001, flags: [PSH, ACK], window: 64240}, payload: {fill: "x", length: 100}}
  - {time: 3.004, from: A, to: B, ipv4: {id: 1}, tcp: {sport: 40003, dport: 80, seq: 1101, ack: 5001, flags: [PSH, ACK], window: 64240}, payload: {fill: "y", length: 50}}
  - {time: 3.300, from: A, to: B, ipv4: {id: 1}, tcp: {sport: 40003, dport: 80, seq: 1001, ack: 5001, flags: [PSH, ACK], window: 64240}, payload: {fill: "x", length: 100}}
  - {time: 3.900, from: A, to: B, ipv4: {id: 1}, tcp: {sport: 40003, dport: 80, seq: 1101, ack: 5001, flags: [PSH, ACK], window: 64240}, payload: {fill: "y", length: 50}}
  - {time: 5, from: A, to: B, ipv4: {id: 1}, tcp: {sport: 40003, dport: 80, seq: 1151, ack: 5001, flags: [RST, ACK], window: 0}}
`);
    try {
      const { sentences } = checkCapture(path);
      const rows = tsharkFields(path, ['frame.number', 'tcp.seq', 'tcp.len', 'tcp.analysis.retransmission'])
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split('\t'));
      // tshark: frames 5 and 6 repeat frame 4's bytes 1-100; frames 13 and 14 repeat two different segments.
      expect(rows.filter((r) => (r[3] ?? '') !== '').map((r) => Number(r[0]))).toEqual([5, 6, 13, 14]);
      expect(rows[5].slice(1, 3)).toEqual(['1', '100']);
      expect(rows[13].slice(1, 3)).toEqual(['101', '50']);
      expect(sentences[6][0]).toMatchObject({
        key: 'rst_abort',
        params: { resent: { count: 2, lastFrame: 6, firstFrame: 4, seq: 1, len: 100, fin: false, sameSegment: true } },
      });
      expect(sentences[14][0]).toMatchObject({ key: 'rst_abort', params: { resent: { count: 2, lastFrame: 14, seq: 101, len: 50, sameSegment: false } } });
    } finally {
      rmSync(join(path, '..'), { recursive: true, force: true });
    }
  });

  it('RST after data, all acknowledged, no copies: no retransmissions before it', () => {
    const { rows, sentences } = checkCapture('captures/recorded/tcp-rst-linger.pcapng');
    const rst = rows.findIndex((r) => int(r, 'tcp.flags') & 0x04);
    expect(sentences[rst][0].params).not.toHaveProperty('resent');
  });

  it('RST without ACK answering a stray ACK: it takes that ACK as its sequence number', () => {
    const path = built(`  - {time: 0, from: A, to: B, ipv4: {id: 1}, tcp: {sport: 40001, dport: 80, seq: 7000, ack: 9000, flags: [ACK], window: 64240}}
  - {time: 0.001, from: B, to: A, ipv4: {id: 2}, tcp: {sport: 80, dport: 40001, seq: 9000, ack: 0, flags: [RST], window: 0}}
`);
    try {
      const { sentences } = checkCapture(path);
      const raw = tsharkFields(path, ['tcp.seq_raw', 'tcp.ack_raw'])
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split('\t'));
      // tshark: the RST's raw sequence number is the stray ACK's raw acknowledgment number.
      expect(raw[1][0]).toBe(raw[0][1]);
      expect(sentences[1][0]).toMatchObject({ key: 'rst_unknown', params: { answersFrame: 1 } });
    } finally {
      rmSync(join(path, '..'), { recursive: true, force: true });
    }
  });

  it('FIN, SYN, SYN-ACK, ACK and data segments, with the RFC 9293 states FIN moves to', () => {
    const { rows, sentences } = checkCapture('captures/recorded/tcp-halfclose.pcapng');
    const fins = rows.flatMap((r, i) => (int(r, 'tcp.flags') & 0x01 ? [i] : []));
    // The first FIN half-closes: its sender waits for the peer's (FIN-WAIT-1), the receiver may still send (CLOSE-WAIT).
    expect(sentences[fins[0]][0].params).toMatchObject({ states: { sender: 'FIN-WAIT-1', receiver: 'CLOSE-WAIT' } });
    // The second FIN: the sender has already acknowledged the first, so it waits for the last ACK.
    expect(sentences[fins[1]][0].params).toMatchObject({ states: { sender: 'LAST-ACK', receiver: 'TIME-WAIT' } });
    checkCapture('captures/recorded/tcp-http.pcapng');
    checkCapture('captures/rebuilt/report-fin-rst.pcapng');
  });

  it('says whether a segment changed the states: a retransmitted FIN or an ACK in ESTABLISHED moves nothing (RFC 9293 3.3.2)', () => {
    const fin = checkCapture('captures/rebuilt/report-fin-rst.pcapng');
    const retransmitted = tsharkFields(join(root, 'captures/rebuilt/report-fin-rst.pcapng'), ['frame.number'], 'tcp.analysis.retransmission')
      .trim()
      .split('\n')
      .slice(1)
      .map(Number);
    expect(retransmitted).toEqual([5, 6, 7, 8, 9]);
    // The first FIN moves its sender to LAST-ACK (the other FIN was acknowledged in frame 3); its copies move nothing.
    expect(fin.sentences[3][0].params).toMatchObject({ states: { sender: 'LAST-ACK', changed: true } });
    for (const n of retransmitted) expect(fin.sentences[n - 1][0].params, `frame ${n}`).toMatchObject({ states: { changed: false } });
    const zw = checkCapture('captures/recorded/tcp-zerowindow.pcapng');
    // No SYN, FIN or RST after the handshake's third segment until the end: nothing leaves ESTABLISHED.
    const last = zw.rows.findIndex((r) => int(r, 'tcp.flags') & 0x05);
    zw.rows.forEach((r, i) => {
      const f = int(r, 'tcp.flags');
      if (i < 3 || (last >= 0 && i >= last) || f & 0x07) return;
      const p = zw.sentences[i][0].params as { states?: { changed: boolean } };
      if (p.states) expect(p.states.changed, `frame ${i + 1}`).toBe(false);
    });
    expect(zw.sentences[0][0].params).toMatchObject({ states: { changed: true } });
  });

  it('a bare ACK: what ACK 1 counts, the keep-alive form, and the probe it answers (tcp-zerowindow)', () => {
    const path = join(root, 'captures/recorded/tcp-zerowindow.pcapng');
    const { sentences } = checkCapture(path);
    const rows = tsharkFields(
      path,
      ['frame.number', 'tcp.srcport', 'tcp.flags', 'tcp.ack', 'tcp.len', 'tcp.window_size', 'tcp.analysis.keep_alive'],
      'frame.number <= 16',
    )
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t'));
    const at = (n: number) => rows[n - 1];
    // tshark: the capture has the SYN (frame 1) and the SYN-ACK (frame 2), so ACK 1 from the sender B counts only A's SYN.
    expect([at(1)[2], at(2)[2]]).toEqual(['0x0002', '0x0012']);
    // tshark: A (port 36090) sends no data at all.
    expect(rows.filter((r) => r[1] === at(1)[1] && r[4] !== '0')).toEqual([]);
    const keepAlives = rows.filter((r) => (r[6] ?? '') !== '').map((r) => Number(r[0]));
    expect(keepAlives).toEqual([8, 10, 11, 13]);
    for (const n of keepAlives) {
      expect(at(n)[3]).toBe('1');
      expect(sentences[n - 1][0]).toMatchObject({ key: 'tcp_ack', params: { oldSeq: true, acked: 'nothing-sent' } });
    }
    // A's bare ACKs right after a probe it had not answered, with the same ACK and window 0 before and after.
    for (const [ack, probe] of [
      [9, 8],
      [12, 11],
      [14, 13],
    ]) {
      expect([at(ack)[1], at(ack)[3], at(ack)[4], at(ack)[5]]).toEqual([at(7)[1], at(7)[3], '0', '0']);
      expect(at(7)[5]).toBe('0');
      // Window still 0: the zero-window explanation names the probe, not the frame's own sentence.
      expect(sentences[ack - 1][0]).toMatchObject({ key: 'tcp_ack', params: { oldSeq: false, acked: 'data' } });
      expect(sentences[ack - 1][0].params).not.toHaveProperty('answers');
      const zero = sentences[ack - 1].find((s) => s.key === 'analysis' && s.params.key === 'zero_window');
      expect(zero?.key === 'analysis' && zero.params.params.note?.probeFrame, `frame ${ack}`).toBe(probe);
    }
    // tshark, tcp-http-loss: the client's bare ACK 1 in frame 7 comes after the server's data (frame 6, from byte 1449).
    const hl = join(root, 'captures/recorded/tcp-http-loss.pcapng');
    const hlRows = tsharkFields(hl, ['frame.number', 'tcp.srcport', 'tcp.seq', 'tcp.ack', 'tcp.len'], 'frame.number <= 7')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split('\t'));
    expect([hlRows[6][3], hlRows[6][4]]).toEqual(['1', '0']);
    expect(hlRows.some((r) => r[1] !== hlRows[6][1] && Number(r[4]) > 0)).toBe(true);
    expect(checkCapture(hl, (r) => int(r, 'frame.number') <= 7).sentences[6][0]).toMatchObject({ key: 'tcp_ack', params: { acked: 'first-byte-missing' } });
    // Frame 15 comes after A had answered frame 13 already (frame 14): a window update, not an answer.
    expect(Number(at(15)[5])).toBeGreaterThan(0);
    for (const n of [5, 7, 15]) expect(sentences[n - 1][0].params, `frame ${n}`).not.toHaveProperty('answers');
    // Frame 7 closed the window before any probe: it answers none.
    const first = sentences[6].find((s) => s.key === 'analysis' && s.params.key === 'zero_window');
    expect(first?.key === 'analysis' && first.params.params.note?.probeFrame).toBeUndefined();
  });

  it('a bare ACK: an answer that opens the window; ACK 1 in a capture without the handshake; Wireshark’s own keep-alive ACKs', () => {
    const path = built(`  - {time: 0, from: A, to: B, ipv4: {id: 1}, tcp: {sport: 40010, dport: 80, seq: 1000, ack: 0, flags: [SYN], window: 1000}}
  - {time: 0.001, from: B, to: A, ipv4: {id: 2}, tcp: {sport: 80, dport: 40010, seq: 5000, ack: 1001, flags: [SYN, ACK], window: 64240}}
  - {time: 0.002, from: A, to: B, ipv4: {id: 1}, tcp: {sport: 40010, dport: 80, seq: 1001, ack: 5001, flags: [ACK], window: 1000}}
  - {time: 0.003, from: B, to: A, ipv4: {id: 2}, tcp: {sport: 80, dport: 40010, seq: 5001, ack: 1001, flags: [PSH, ACK], window: 64240}, payload: {fill: "x", length: 1000}}
  - {time: 0.004, from: A, to: B, ipv4: {id: 1}, tcp: {sport: 40010, dport: 80, seq: 1001, ack: 6001, flags: [ACK], window: 0}}
  - {time: 0.300, from: B, to: A, ipv4: {id: 2}, tcp: {sport: 80, dport: 40010, seq: 6000, ack: 1001, flags: [ACK], window: 64240}}
  - {time: 0.301, from: A, to: B, ipv4: {id: 1}, tcp: {sport: 40010, dport: 80, seq: 1001, ack: 6001, flags: [ACK], window: 1000}}
  - {time: 1, from: A, to: B, ipv4: {id: 1}, tcp: {sport: 40011, dport: 80, seq: 7000, ack: 9000, flags: [ACK], window: 1000}}
  - {time: 1.001, from: B, to: A, ipv4: {id: 2}, tcp: {sport: 80, dport: 40011, seq: 9000, ack: 7000, flags: [PSH, ACK], window: 1000}, payload: {fill: "y", length: 10}}
`);
    try {
      const { sentences } = checkCapture(path);
      const rows = tsharkFields(path, [
        'frame.number',
        'tcp.seq',
        'tcp.ack',
        'tcp.window_size',
        'tcp.analysis.keep_alive',
        'tcp.analysis.window_update',
        'tcp.completeness',
      ])
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split('\t'));
      // tshark: frame 6 has the keep-alive form; frame 7 repeats ACK 1001 and opens the window (a window update).
      expect(rows[5][4]).toBe('1');
      expect([rows[6][2], rows[6][3], rows[6][5]]).toEqual([rows[4][2], '1000', '1']);
      expect(sentences[6][0]).toMatchObject({ key: 'tcp_ack', params: { answers: { probeFrame: 6, window: 1000, windowBefore: 0 } } });
      // tshark: the second conversation shows neither SYN nor SYN-ACK (completeness bits 1 and 2) and starts its relative numbers at 1.
      expect([rows[7][1], rows[7][2], Number(rows[7][6]) & 3]).toEqual(['1', '1', 0]);
      expect(sentences[7][0]).toMatchObject({ key: 'tcp_ack', params: { acked: 'before-capture', oldSeq: false } });
    } finally {
      rmSync(join(path, '..'), { recursive: true, force: true });
    }
    // tshark flags frames 9, 11, 13 and 15 of tcp-keepalive as ACKs to keep-alives: their explanation names the probe.
    const ka = checkCapture('captures/recorded/tcp-keepalive.pcapng');
    const flagged = tsharkFields(join(root, 'captures/recorded/tcp-keepalive.pcapng'), ['frame.number'], 'tcp.analysis.keep_alive_ack')
      .trim()
      .split('\n')
      .slice(1)
      .map(Number);
    expect(flagged).toEqual([9, 11, 13, 15]);
    for (const n of flagged) expect(ka.sentences[n - 1][0].params, `frame ${n}`).not.toHaveProperty('answers');
  });

  it('a one-byte probe is not called new data: a keep-alive repeats a byte already sent, a zero-window probe is likely dropped', () => {
    const seen = { keep_alive: 0, zero_window: 0 };
    for (const rel of ['src/decoder/analysis/testdata/keep_alive.pcapng', 'src/decoder/analysis/testdata/zero_window.pcapng']) {
      const path = join(root, rel);
      const capture = openCapture(new Uint8Array(readFileSync(path)));
      const fields = ['frame.number', 'tcp.seq', 'tcp.nxtseq', 'tcp.analysis.keep_alive', 'tcp.analysis.zero_window_probe'];
      const rows = tsharkFields(path, fields, 'tcp.len > 0')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split('\t'));
      for (const [n, seq, nxtseq, keepAlive, probe] of rows) {
        const [s] = frameSentences(capture, Number(n));
        expect(s.key, `${rel} frame ${n}`).toBe('tcp_data');
        const kind = probe ? 'zero_window' : keepAlive ? 'keep_alive' : undefined;
        expect(s.key === 'tcp_data' && s.params.probe, `${rel} frame ${n}`).toBe(kind);
        if (!kind) continue;
        seen[kind]++;
        const text = s.key === 'analysis' ? '' : sentenceText(s);
        expect(text).not.toMatch(/next segment should start|PSH is set/);
        // One byte each, as tshark counts it (tcp.nxtseq one past tcp.seq).
        expect(text).toContain(
          kind === 'keep_alive' ? `at sequence number ${seq}, one below the next` : `(byte ${seq}), sent while the other side’s window is 0`,
        );
        expect(Number(nxtseq)).toBe(Number(seq) + 1);
      }
    }
    expect(seen).toEqual({ keep_alive: 1, zero_window: 1 });
  });

  it('an out-of-order segment names the earlier copy of its bytes that the capture shows, if any', () => {
    let checked = 0;
    for (const rel of ['captures/recorded/tcp-loss.pcapng', 'captures/recorded/tcp-ipv6-loss.pcapng', 'captures/recorded/tcp-http-loss.pcapng']) {
      const path = join(root, rel);
      const capture = openCapture(new Uint8Array(readFileSync(path)));
      const rows = tsharkFields(path, ['frame.number', 'tcp.srcport', 'tcp.seq', 'tcp.len', 'tcp.analysis.out_of_order'], 'tcp.len > 0')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split('\t'));
      for (const r of rows.filter((x) => (x[4] ?? '') !== '')) {
        // tshark: the first earlier segment from the same port with the same sequence number.
        const earlier = rows.find((x) => Number(x[0]) < Number(r[0]) && x[1] === r[1] && x[2] === r[2]);
        const ooo = frameSentences(capture, Number(r[0])).find((s) => s.key === 'analysis' && s.params.key === 'out_of_order');
        expect(ooo, `${rel} frame ${r[0]}`).toBeDefined();
        const note = ooo?.key === 'analysis' ? ooo.params.params.note : undefined;
        expect(note?.origFrame, `${rel} frame ${r[0]}`).toBe(earlier ? Number(earlier[0]) : undefined);
        checked++;
      }
    }
    // tcp-loss has one (frame 262, a copy of frame 241), tcp-ipv6-loss six, tcp-http-loss three without an earlier copy.
    expect(checked).toBe(10);
  });

  it('a data segment that does not advance the sequence is told apart (tshark: retransmission or out-of-order)', () => {
    for (const rel of ['captures/recorded/tcp-loss.pcapng', 'captures/recorded/tcp-spurious.pcapng']) {
      const path = join(root, rel);
      const { rows, sentences } = checkCapture(path);
      const flagged = new Set(
        tsharkFields(path, ['frame.number'], 'tcp.len > 0 && (tcp.analysis.retransmission || tcp.analysis.out_of_order)')
          .trim()
          .split('\n')
          .slice(1)
          .map(Number),
      );
      expect(flagged.size).toBeGreaterThan(0);
      rows.forEach((r, i) => {
        const s = sentences[i][0];
        if (s.key === 'tcp_data') expect(s.params.behind, `${rel} frame ${r['frame.number']}`).toBe(flagged.has(i + 1));
      });
    }
  });

  it('ICMP and ICMPv6 by type and code, with the quoted datagram of an error', () => {
    // tshark reads the UDP payloads on port 45953 of this capture as DNS by a heuristic the decoder lacks: only its ICMP frames here.
    const icmpOnly = (r: Row) => /:icmp/.test(r['frame.protocols']);
    const { rows, sentences } = checkCapture('src/decoder/layers/testdata/loopback.pcapng', icmpOnly);
    const unreachable = rows.findIndex((r) => r['icmp.type'] === '3');
    expect(sentences[unreachable][0]).toMatchObject({ key: 'icmp', params: { type: 3, code: 3, quoted: { protocol: 'UDP' } } });
    const v6 = rows.findIndex((r) => r['icmpv6.type'] === '1');
    expect(sentences[v6][0]).toMatchObject({ key: 'icmpv6', params: { type: 1, code: 4 } });
    // Its hand-made TCP frames are the layer tests' business (their analysis differs from tshark's on frame 6).
    checkCapture('src/decoder/layers/testdata/crafted-eth.pcap', (r) => !/:tcp/.test(r['frame.protocols']));
  });

  it('UDP otherwise, and IPv4 and IPv6 fragments completed in a later frame', () => {
    const { sentences } = checkCapture('captures/recorded/udp-fragments.pcapng');
    expect(sentences.filter((s) => s[0].key === 'other')).toEqual([]);
  });

  it('adds the explanation of every TCP analysis flag after the frame’s own sentence', () => {
    const { sentences } = checkCapture('captures/recorded/tcp-loss.pcapng');
    expect(sentences.some((s) => s.length > 1 && s[1].key === 'analysis')).toBe(true);
  });
});
