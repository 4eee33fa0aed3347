// The Worker's side of the explorer, as plain functions over one capture: the
// rows in view, one frame's details and header diagrams, a display filter
// over every frame, the TCP conversations and one conversation's ladder. No
// DOM here: the same code runs in the Worker and in the unit tests.

import { createFirstPass, openIndexed, type OpenedCapture } from '../../decoder/open-capture.ts';
import { CaptureStream, readCapture, type CaptureIndex } from '../../decoder/capture/index.ts';
import { protocolTables } from '../../decoder/dissect.ts';
import { withDisplayedDelta } from '../../decoder/displayed-delta.ts';
import { compileFilter } from '../../decoder/filter/index.ts';
import { createFrameMatcher, filterNames } from '../../decoder/filter/frame-matcher.ts';
import type { ConversationSummary } from '../../decoder/analysis/types.ts';
import type { Field } from '../../decoder/types.ts';
import { frameSentences } from '../../decoder/sentence/frame-sentence.ts';
import { layerNode, layoutHeader } from '../header-diagram/layout.ts';
import { buildLadder } from '../sequence-diagram/ladder-model.ts';
import { graphOfCapture } from '../stream-graph/graph-of-capture.ts';
import { createThinner } from '../stream-graph/thin.ts';
import { GRAPH_COLUMNS } from '../stream-graph/size.ts';
import type { GraphKind } from '../../decoder/graphs/kinds.ts';
import type { GraphDir, GraphPoint } from '../../decoder/graphs/points.ts';
import { colourRuleFor, rowFacts } from '../packet-viewer/colour-rules.ts';
import { followOf, followPackets } from '../../decoder/stats/follow-capture.ts';
import type { FollowResult } from '../../decoder/analysis/follow-records.ts';
import { statsCollector } from '../../decoder/stats/capture-stats.ts';
import { statFrames } from '../../decoder/stats/frame-walk.ts';
import type { PhsNode } from '../../decoder/stats/hierarchy.ts';
import {
  GRAPH_FIRST_ROWS,
  type GraphResult,
  LADDER_LIMIT,
  type FilterOutcome,
  type FrameDetail,
  type LadderResult,
  type Opened,
  type Row,
  type StatsResult,
} from './protocol.ts';

/** Layers with a header diagram, outermost first. */
const DIAGRAM_LAYERS = ['eth', 'arp', 'ipv4', 'ipv6', 'icmp', 'icmpv6', 'udp', 'tcp'];
/** Details trees kept at once: the rows in view and the recently selected frames. */
const CACHE_LIMIT = 2000;
/** Bytes indexed and analysed at once when a file is opened. */
const INDEX_SLICE = 4 << 20;
/** Frames a filter tests between two looks at the Worker's message queue. */
const FILTER_SLICE = 25_000;
/** Frames counted for the statistics, and packets gathered to follow a stream, between two pauses (each is dissected). */
const STATS_SLICE = 2_000;
const FOLLOW_SLICE = 2_000;

export interface FilterControl {
  progress?(done: number, total: number): void;
  /** Let other requests in (the Worker awaits a macrotask); true stops the filter. */
  pause?(): Promise<boolean>;
  /** Frames tested between pauses. */
  slice?: number;
}

export interface Workspace {
  readonly opened: Opened;
  rows(numbers: readonly number[]): Row[];
  /**
   * Frame n's details. `after`: the frame shown before it (0: none; a display
   * filter's previous match); frame.time_delta_displayed counts from it. Left
   * out: every frame is shown, and it counts from frame n - 1.
   */
  frame(n: number, after?: number): FrameDetail;
  filter(text: string, control?: FilterControl): Promise<FilterOutcome>;
  conversations(): ConversationSummary[];
  ladder(stream: number): LadderResult | null;
  /** One TCP or UDP stream followed, each record's bytes its own copy (posting them moves them). */
  follow(proto: 'tcp' | 'udp', stream: number, control?: FilterControl): Promise<FollowResult>;
  /** Worked out once, on first asking, pausing as a filter does (every frame is dissected). */
  stats(control?: FilterControl): Promise<StatsResult>;
  graph(stream: number, kind: GraphKind, dir?: GraphDir): GraphResult | null;
  graphRows(stream: number, kind: GraphKind, dir: GraphDir, from: number, to: number): GraphPoint[];
  graphDetail(stream: number, kind: GraphKind, dir: GraphDir, t0: number, t1: number): GraphPoint[] | null;
}

/** Index and analyse a capture held in memory. */
export function openWorkspace(bytes: Uint8Array): Workspace {
  const t0 = performance.now();
  const index = readCapture(bytes);
  const t1 = performance.now();
  const capture = openIndexed(bytes, index, { cacheLimit: CACHE_LIMIT });
  return workspaceOf(capture, bytes.length, { read: 0, index: t1 - t0, analyse: performance.now() - t1 });
}

/**
 * Read a file whole (one buffer: the frames are views into it), then index its
 * frames and make the analysis' first pass slice by slice, each slice once,
 * while it is still in the processor's caches.
 */
export async function openWorkspaceFrom(file: Blob): Promise<Workspace> {
  const t0 = performance.now();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const readMs = performance.now() - t0;
  const stream = new CaptureStream();
  const frames: CaptureIndex['frames'] = [];
  const pass = createFirstPass(bytes);
  let passed = 0;
  let indexMs = 0;
  let analyseMs = 0;
  for (let at = 0; at < bytes.length && !stream.error; at += INDEX_SLICE) {
    const t = performance.now();
    stream.pushRecords(bytes.subarray(at, at + INDEX_SLICE), frames);
    const u = performance.now();
    for (; passed < frames.length; passed++) pass.add(frames[passed]);
    indexMs += u - t;
    analyseMs += performance.now() - u;
  }
  const error = stream.end();
  const index: CaptureIndex = { format: stream.format, frames, interfaces: stream.interfaces, sections: stream.sections, ...(error ? { error } : {}) };
  const t = performance.now();
  const capture = openIndexed(bytes, index, { cacheLimit: CACHE_LIMIT, analysed: pass.finish() });
  analyseMs += performance.now() - t;
  return workspaceOf(capture, bytes.length, { read: readMs, index: indexMs, analyse: analyseMs });
}

function workspaceOf(capture: OpenedCapture, size: number, timings: Opened['timings']): Workspace {
  const index = capture.index;
  const count = capture.frames.length;
  const opened: Opened = {
    frames: count,
    bytes: size,
    format: index.format,
    ...(index.error ? { error: { message: index.error.message, offset: index.error.offset } } : {}),
    timings,
  };
  const valid = (n: number) => Number.isInteger(n) && n >= 1 && n <= count;
  let stats: Promise<StatsResult> | undefined;
  /** The frames of the graph drawn last, point by point: its table asks for rows by position. */
  let lastGraph: { key: string; frames: Uint32Array } | undefined;
  const first = capture.frames[0]?.timestamp ?? 0n;
  /** Frame n's time in seconds since the first frame (a graph point's t). */
  const at = (n: number) => Number((capture.frames[n - 1]?.timestamp ?? first) - first) / 1e9;
  /** The first position in `frames` whose frame is at or after `t` seconds (frames.length when none). */
  const firstAtOrAfter = (frames: Uint32Array, t: number): number => {
    let lo = 0;
    let hi = frames.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (at(frames[mid]) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  return {
    opened,
    rows: (numbers) => numbers.filter(valid).map((n) => rowOf(capture, n)),
    frame(n, after = n - 1) {
      if (!valid(n)) throw new RangeError(`frame ${n} is not in this capture (it has ${count} frames)`);
      return frameDetail(capture, n, valid(after) ? after : 0);
    },
    filter: (text, control) => runFilter(capture, text, control),
    conversations() {
      const out: ConversationSummary[] = [];
      const a = capture.analysis;
      for (let i = 0; i < a.streamCount(); i++) {
        const s = a.summary(i);
        if (s) out.push(s);
      }
      return out;
    },
    ladder(stream) {
      const summary = capture.analysis.summary(stream);
      const model = summary && buildLadder(capture, stream, {}, { limit: LADDER_LIMIT });
      return model ? { model, total: summary.packetsAtoB + summary.packetsBtoA } : null;
    },
    async follow(proto, stream, control = {}) {
      const packets = [];
      const slice = control.slice ?? FOLLOW_SLICE;
      for (const p of followPackets(capture, proto, stream)) {
        packets.push(p);
        if (packets.length % slice === 0 && (await control.pause?.())) throw new Error('cancelled: another capture was opened');
      }
      const f = followOf(proto, stream, packets);
      return { ...f, records: f.records.map((r) => ({ ...r, bytes: r.bytes.slice() })) };
    },
    stats(control) {
      stats ??= statsOf(capture, control).catch((e: unknown) => {
        stats = undefined;
        throw e;
      });
      return stats;
    },
    graph(stream, kind, dir) {
      // Thinned as they come and the table's first rows kept: the points of a long stream are never all held.
      const summary = capture.analysis.summary(stream);
      if (!summary) return null;
      const thinner = createThinner(kind, at(summary.firstFrame), at(summary.lastFrame), GRAPH_COLUMNS);
      const rows: GraphPoint[] = [];
      // A throughput graph has a few hundred intervals at most: its table gets them all.
      const keep = kind === 'throughput' ? Number.POSITIVE_INFINITY : GRAPH_FIRST_ROWS;
      let frames = new Uint32Array(1024);
      let total = 0;
      const sink = {
        push(p: GraphPoint) {
          if (total === frames.length) {
            const grown = new Uint32Array(total * 2);
            grown.set(frames);
            frames = grown;
          }
          frames[total++] = p.frame;
          thinner.push(p);
          if (rows.length < keep) rows.push(p);
        },
      };
      const g = graphOfCapture(capture, stream, kind, dir, sink);
      if (!g) return null;
      lastGraph = { key: graphKey(stream, kind, g.data.dir), frames: frames.slice(0, total) };
      return { draw: { ...g, data: { ...g.data, points: thinner.done() } }, rows, total, frames: lastGraph.frames };
    },
    graphRows(stream, kind, dir, from, to) {
      // Each point of these kinds is one frame's, in frame order: the span of frames holds exactly these points.
      const out: GraphPoint[] = [];
      if (kind === 'throughput' || to <= from) return out;
      const frames = lastGraph?.key === graphKey(stream, kind, dir) ? lastGraph.frames : undefined;
      if (!frames || from < 0 || to > frames.length) return out;
      graphOfCapture(capture, stream, kind, dir, out, { first: frames[from], last: frames[to - 1] });
      return out;
    },
    graphDetail(stream, kind, dir, t0, t1) {
      const frames = lastGraph?.key === graphKey(stream, kind, dir) ? lastGraph.frames : undefined;
      // A throughput graph's few intervals are all drawn already.
      if (!frames || kind === 'throughput' || frames.length === 0) return null;
      // A point's time is its frame's; frames rise along the graph. One point each side carries the lines to the edges.
      const from = Math.max(0, firstAtOrAfter(frames, t0) - 1);
      const to = Math.min(frames.length - 1, firstAtOrAfter(frames, t1 + 1e-9));
      const span = { first: frames[from], last: frames[to] };
      // Few enough to draw every one (as thinPoints would keep them).
      if (to - from < GRAPH_COLUMNS * 4) {
        const out: GraphPoint[] = [];
        graphOfCapture(capture, stream, kind, dir, out, span);
        return out;
      }
      const thinner = createThinner(kind, t0, t1, GRAPH_COLUMNS);
      graphOfCapture(capture, stream, kind, dir, thinner, span);
      return thinner.done();
    },
  };
}

async function statsOf(capture: OpenedCapture, control: FilterControl = {}): Promise<StatsResult> {
  const c = statsCollector(capture);
  const total = capture.frames.length;
  const slice = control.slice ?? STATS_SLICE;
  let done = 0;
  for (const f of statFrames(capture)) {
    c.add(f);
    if (++done % slice === 0) {
      control.progress?.(done, total);
      if (await control.pause?.()) throw new Error('cancelled: another capture was opened');
    }
  }
  const s = c.finish();
  const names = new Set<string>();
  const walk = (nodes: readonly PhsNode[]) => {
    for (const n of nodes) {
      names.add(n.name);
      walk(n.children);
    }
  };
  walk(s.phs);
  return { ...s, filterable: [...names].filter((n) => compileFilter(n, filterNames).ok) };
}

function rowOf(capture: OpenedCapture, n: number): Row {
  const row: Row = capture.summary(n);
  const rule = colourRuleFor(rowFacts(capture.dissect(n), capture.data(n)));
  return rule ? { ...row, colour: rule.id } : row;
}

function frameDetail(capture: OpenedCapture, n: number, after: number): FrameDetail {
  const d = capture.dissect(n);
  const data = capture.data(n);
  const diagrams: FrameDetail['diagrams'] = [];
  for (const layer of DIAGRAM_LAYERS) {
    const table = protocolTables[layer];
    if (!table || !layerNode(d.tree, table)) continue;
    const wide = layoutHeader(table, d.tree, 32, {}, data);
    const narrow = layoutHeader(table, d.tree, 16, {}, data);
    if (wide && narrow) diagrams.push({ layer, title: table.title, wide, narrow });
  }
  // Copies of the bytes: the page keeps them, the file stays here.
  return {
    number: n,
    tree: after === n - 1 ? detached(d.tree) : detached(withDisplayedDelta(d.tree, capture.frames[n - 1], capture.frames[after - 1])),
    data: data.slice(),
    sources: d.sources.map((s) => ({ ...s, bytes: s.bytes.slice() })),
    diagrams,
    stream: capture.analysis.streamOf(n),
    sentences: frameSentences(capture, n),
  };
}

/**
 * The tree with every byte value copied out of the file. A field's bytes are
 * a view into the whole capture, and posting a view to the page would copy
 * the entire buffer behind it (100 MB) with every frame shown.
 */
function detached(tree: readonly Field[]): Field[] {
  return tree.map((f) => {
    const value = f.value instanceof Uint8Array ? f.value.slice() : f.value;
    return { ...f, value, ...(f.children ? { children: detached(f.children) } : {}) };
  });
}

async function runFilter(capture: OpenedCapture, text: string, control: FilterControl = {}): Promise<FilterOutcome> {
  const compiled = compileFilter(text, filterNames);
  if (!compiled.ok) return { ok: false, text, message: compiled.message, position: compiled.position };
  const match = createFrameMatcher(compiled.filter);
  // A session of its own: the details pane's dissections must not take the reassembly parts it keeps.
  const session = capture.walkSession();
  const frames = capture.frames;
  const out = new Uint32Array(frames.length);
  const slice = control.slice ?? FILTER_SLICE;
  let k = 0;
  for (let i = 0; i < frames.length; i++) {
    if (i > 0 && i % slice === 0) {
      control.progress?.(i, frames.length);
      if (await control.pause?.()) return { ok: false, text, cancelled: true };
    }
    if (match(frames[i], capture.data(i + 1), session)) out[k++] = i + 1;
  }
  control.progress?.(frames.length, frames.length);
  return { ok: true, text, matches: out.slice(0, k) };
}

const graphKey = (stream: number, kind: GraphKind, dir: GraphDir): string => `${stream}/${kind}/${dir}`;
