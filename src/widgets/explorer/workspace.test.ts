import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openCapture } from '../../decoder/open-capture.ts';
import { openWorkspace, openWorkspaceFrom } from './workspace.ts';
import { GRAPH_FIRST_ROWS, LADDER_LIMIT } from './protocol.ts';
import { graphOfCapture } from '../stream-graph/graph-of-capture.ts';
import { findField } from '../../decoder/fields/find.ts';
import type { Field } from '../../decoder/types.ts';

const read = (path: string) => new Uint8Array(readFileSync(path));
const loss = openWorkspace(read('captures/recorded/tcp-loss.pcapng'));

describe('explorer workspace', () => {
  it('indexes and analyses a capture, timing each step', () => {
    expect(loss.opened.format).toBe('pcapng');
    expect(loss.opened.frames).toBe(openCapture(read('captures/recorded/tcp-loss.pcapng')).frames.length);
    expect(loss.opened.error).toBeUndefined();
    expect(loss.opened.timings.index).toBeGreaterThanOrEqual(0);
  });

  it('gives the rows asked for, as the packet list shows them, with their colouring rule', () => {
    const whole = openCapture(read('captures/recorded/tcp-loss.pcapng')).summaries();
    const rows = loss.rows([1, 2, 3, 99999]);
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3]);
    expect(rows[0]).toMatchObject({ ...whole[0] });
    expect(rows[0].colour).toBe('tcp-syn-fin');
    const retransmission = whole.find((r) => r.info.startsWith('[TCP Retransmission]'))!;
    expect(loss.rows([retransmission.number])[0].colour).toBe('bad-tcp');
  });

  it('details a frame with its header diagrams, outermost layer first', () => {
    const f = loss.frame(1);
    expect(f.tree[0].name).toBe('frame');
    expect(f.diagrams.map((d) => d.layer)).toEqual(['eth', 'ipv4', 'tcp']);
    expect(f.stream).toBe(0);
    expect(() => loss.frame(0)).toThrow(/not in this capture/);
  });

  it('names what each frame is, by key, for the page to put into words', () => {
    const arp = openWorkspace(read('captures/recorded/arp.pcapng'));
    // tshark: frame 1 arp.opcode 1, frame 2 arp.opcode 2, frame 5 arp.src.proto_ipv4 0.0.0.0 (a probe).
    expect([1, 2, 5].map((n) => arp.frame(n).sentences[0].key)).toEqual(['arp_request', 'arp_reply', 'arp_probe']);
    // A retransmitted segment adds its analysis flag's explanation after its own sentence.
    const whole = openCapture(read('captures/recorded/tcp-loss.pcapng')).summaries();
    const again = whole.find((r) => r.info.startsWith('[TCP Retransmission]'))!;
    expect(loss.frame(again.number).sentences.map((s) => s.key)).toContain('analysis');
  });

  it('copies every byte value out of the file, so posting a frame never posts the whole capture', () => {
    const f = loss.frame(4);
    const views: Uint8Array[] = [];
    const visit = (fields: typeof f.tree) => {
      for (const x of fields) {
        if (x.value instanceof Uint8Array) views.push(x.value);
        if (x.children) visit(x.children);
      }
    };
    visit(f.tree);
    expect(views.length).toBeGreaterThan(0);
    for (const v of views) expect(v.buffer.byteLength).toBe(v.byteLength);
    expect(f.data.buffer.byteLength).toBe(f.data.byteLength);
  });

  it('lists TCP conversations and draws one as a ladder, at most LADDER_LIMIT segments long', () => {
    const [c] = loss.conversations();
    expect(c.stream).toBe(0);
    const ladder = loss.ladder(0)!;
    expect(ladder.total).toBe(c.packetsAtoB + c.packetsBtoA);
    expect(ladder.model.segments.length).toBe(Math.min(LADDER_LIMIT, ladder.total));
    expect(ladder.model.segments[0].flags).toBe('SYN');
    expect(loss.ladder(99)).toBeNull();
  });

  it('gives any stretch of a graph table, the same points as the whole graph in order', () => {
    for (const kind of ['tcptrace', 'stevens', 'rtt', 'window'] as const) {
      const g = loss.graph(0, kind)!;
      const whole = graphOfCapture(openCapture(read('captures/recorded/tcp-loss.pcapng')), 0, kind, g.draw.data.dir)!.data.points;
      expect(g.total, kind).toBe(whole.length);
      expect([...g.frames], kind).toEqual(whole.map((p) => p.frame));
      expect(g.rows, kind).toEqual(whole.slice(0, GRAPH_FIRST_ROWS));
      const mid = Math.floor(whole.length / 2);
      expect(loss.graphRows(0, kind, g.draw.data.dir, mid, mid + 7), kind).toEqual(whole.slice(mid, mid + 7));
      expect(loss.graphRows(0, kind, g.draw.data.dir, whole.length - 3, whole.length), kind).toEqual(whole.slice(-3));
    }
    // A zoom's detail: every point of the stretch, and one each side for the lines to reach the edges.
    const g = loss.graph(0, 'stevens')!;
    const whole = graphOfCapture(openCapture(read('captures/recorded/tcp-loss.pcapng')), 0, 'stevens', g.draw.data.dir)!.data.points;
    const [t0, t1] = [whole[40].t, whole[60].t];
    const inside = whole.filter((p) => p.t >= t0 && p.t <= t1);
    const detail = loss.graphDetail(0, 'stevens', g.draw.data.dir, t0, t1)!;
    expect(detail.slice(1, -1)).toEqual(inside);
    expect(detail[0].t).toBeLessThan(t0);
    expect(detail[detail.length - 1].t).toBeGreaterThan(t1);
    // Another graph drawn since: its rows are not mixed up with this one's.
    loss.graph(0, 'rtt');
    expect(loss.graphRows(0, 'stevens', 'A', 0, 5)).toEqual([]);
  });

  it('explains an invalid filter and where it goes wrong', async () => {
    const r = await loss.filter('tcp.prot == 80');
    expect(r).toMatchObject({ ok: false, position: 0 });
    expect(r.ok === false && 'message' in r && r.message).toMatch(/tcp\.port/);
    const cut = await loss.filter('tcp.port ==');
    expect(cut.ok).toBe(false);
  });

  it('stops a filter when a newer one replaces it', async () => {
    const seen: number[] = [];
    let pauses = 0;
    const whole = await loss.filter('tcp', { slice: 10, pause: async () => false });
    expect(whole.ok && whole.matches.length).toBe(loss.opened.frames);
    const r = await loss.filter('tcp', { slice: 10, progress: (done) => seen.push(done), pause: async () => ++pauses === 2 });
    expect(r).toEqual({ ok: false, text: 'tcp', cancelled: true });
    expect(seen).toEqual([10, 20]);
  });

  it('reads a file piece by piece to the same capture as reading it whole', async () => {
    const bytes = read('captures/recorded/tcp-http.pcapng');
    // A Blob of many small parts (its stream may join them: CaptureStream tests cover every cut).
    const pieces = Array.from({ length: Math.ceil(bytes.length / 97) }, (_, i) => bytes.subarray(i * 97, (i + 1) * 97));
    const streamed = await openWorkspaceFrom(new Blob(pieces));
    const whole = openWorkspace(bytes);
    expect(streamed.opened.frames).toBe(whole.opened.frames);
    const all = Array.from({ length: whole.opened.frames }, (_, i) => i + 1);
    expect(streamed.rows(all)).toEqual(whole.rows(all));
    expect(streamed.frame(12).tree).toEqual(whole.frame(12).tree);
    const damaged = await openWorkspaceFrom(new Blob([read('test/fixtures/captures/damaged.pcapng')]));
    expect(damaged.opened).toMatchObject({ frames: 6, error: { offset: 2456 } });
  });

  it('reports a damaged file and keeps every frame before the damage', () => {
    const w = openWorkspace(read('test/fixtures/captures/damaged.pcapng'));
    expect(w.opened.frames).toBe(6);
    expect(w.opened.error).toMatchObject({ offset: 2456 });
    expect(w.rows([6])[0].number).toBe(6);
    const text = openWorkspace(read('test/fixtures/captures/not-a-capture.txt'));
    expect(text.opened.frames).toBe(0);
    expect(text.opened.error?.message).toMatch(/not a pcap or pcapng file/);
  });

  it('counts the displayed time delta from the previous frame the filter shows', async () => {
    // tshark -2 -r tcp-ipv6.pcapng -Y 'tcp.len > 0' -T fields -e frame.number -e frame.time_delta -e frame.time_delta_displayed
    // 4 0.001086839 0.000000000 / 6 0.001063386 0.001085619
    const w = openWorkspace(read('captures/recorded/tcp-ipv6.pcapng'));
    const r = await w.filter('tcp.len > 0');
    expect(r.ok && Array.from(r.matches.slice(0, 2))).toEqual([4, 6]);
    const field = (tree: Field[], name: string) => findField(tree, name)?.show;
    expect(field(w.frame(4, 0).tree, 'frame.time_delta_displayed')).toBe('0.000000000');
    expect(field(w.frame(6, 4).tree, 'frame.time_delta_displayed')).toBe('0.001085619');
    expect(field(w.frame(6, 4).tree, 'frame.time_delta')).toBe('0.001063386');
    // Every frame shown: it counts from the previous captured frame.
    expect(field(w.frame(6).tree, 'frame.time_delta_displayed')).toBe('0.001063386');
  });
});

describe('explorer workspace: follow and statistics', () => {
  const http = openWorkspace(read('captures/recorded/tcp-http.pcapng'));

  it('follows a stream with bytes of its own, so posting them does not copy the capture', async () => {
    let pauses = 0;
    const f = await http.follow('tcp', 0, { slice: 4, pause: async () => (pauses++, false) });
    // 16 frames in the stream (tshark -Y tcp.stream==0): a pause after every 4 gathered.
    expect(pauses).toBe(4);
    // tshark -z follow,tcp,ascii,0: a 213-byte request first, from node 0 (10.77.0.1:36450).
    expect(f.nodes?.[0]).toMatchObject({ address: '10.77.0.1', port: 36450 });
    expect(f.records[0]).toMatchObject({ node: 0, frame: 4 });
    expect(f.records[0].bytes.length).toBe(213);
    for (const r of f.records) expect(r.bytes.buffer.byteLength).toBe(r.bytes.length);
  });

  it('counts the statistics once, pausing between slices, and again after a cancelled count', async () => {
    const ws = openWorkspace(read('captures/recorded/tcp-http.pcapng'));
    const seen: number[] = [];
    await expect(ws.stats({ slice: 5, progress: (done) => seen.push(done), pause: async () => true })).rejects.toThrow(/cancelled/);
    expect(seen).toEqual([5]);
    const s = await ws.stats({ slice: 5, progress: (done) => seen.push(done), pause: async () => false });
    expect(seen).toEqual([5, 5, 10, 15]);
    expect(await ws.stats()).toBe(s);
  });

  it('names which hierarchy protocols the filter box can filter on', async () => {
    const s = await http.stats();
    expect(s.filterable).toEqual(expect.arrayContaining(['eth', 'ip', 'tcp', 'http']));
    expect(s.filterable).not.toContain('ethertype');
  });
});
