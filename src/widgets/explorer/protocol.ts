// Messages between the "Open your own capture" page and its decoding Worker.
// The Worker holds the file and the decoder; the page asks for what it shows
// (the rows in view, one frame's details, a filter's matches) and gets plain
// data back, so the page never decodes and never freezes.

import type { DataSource, Field } from '../../decoder/types.ts';
import type { ConversationSummary } from '../../decoder/analysis/types.ts';
import type { FollowResult } from '../../decoder/analysis/follow-records.ts';
import type { CaptureStats } from '../../decoder/stats/capture-stats.ts';
import type { FrameSummary } from '../../decoder/open-capture.ts';
import type { FrameSentence } from '../../decoder/sentence/sentence-types.ts';
import type { HeaderLayout } from '../header-diagram/layout.ts';
import type { LadderModel } from '../sequence-diagram/ladder-model.ts';
import type { GraphKind } from '../../decoder/graphs/kinds.ts';
import type { GraphDir, GraphPoint } from '../../decoder/graphs/points.ts';
import type { CaptureGraph } from '../stream-graph/graph-of-capture.ts';

/** A packet-list row, with the colouring rule that matches it. */
export interface Row extends FrameSummary {
  /** Id of the first matching colouring rule (colour-rules.ts), if any. */
  colour?: string;
}

/** One header diagram of a frame: a layer's fixed header, laid out 32 and 16 bits a row. */
export interface FrameDiagram {
  layer: string;
  title: string;
  wide: HeaderLayout;
  narrow: HeaderLayout;
}

export interface FrameDetail {
  number: number;
  tree: Field[];
  data: Uint8Array;
  sources: DataSource[];
  diagrams: FrameDiagram[];
  /** The frame's TCP stream, or -1. */
  stream: number;
  /** What the frame is in plain words, by key (the page words them): its kind, then its analysis flags. */
  sentences: FrameSentence[];
}

export interface Opened {
  frames: number;
  bytes: number;
  format: string;
  /** The damage that stopped reading (frames before it are all there). */
  error?: { message: string; offset: number };
  /** Milliseconds spent reading the file, indexing its frames, and analysing its conversations. */
  timings: { read: number; index: number; analyse: number };
}

export interface LadderResult {
  model: LadderModel;
  /** Segments in the whole stream (the ladder holds at most the first LADDER_LIMIT). */
  total: number;
}

export interface GraphResult {
  /** The points to draw (each pixel column's extremes and marks: a copy of 700,000 points would take seconds). */
  draw: CaptureGraph;
  /** The table's first rows: the first GRAPH_FIRST_ROWS points (every point of a throughput graph); the rest by graphRows. */
  rows: GraphPoint[];
  /** Points in the whole graph. */
  total: number;
  /** Each point's frame, in table order (4 bytes a point), so a frame selected elsewhere finds its row. */
  frames: Uint32Array;
}

/** Rows of the /open/ graph's table sent with the picture; the table fetches the others as they scroll into view. */
export const GRAPH_FIRST_ROWS = 200;

export interface Requests {
  /** Open the file's first PREVIEW_BYTES only, so the first rows show while the rest is read. */
  preview: { args: { file: Blob }; result: Opened };
  open: { args: { file: Blob }; result: Opened };
  rows: { args: { numbers: number[] }; result: Row[] };
  /** `after`: the frame the list shows before n (0: none), which frame.time_delta_displayed counts from. */
  frame: { args: { n: number; after?: number }; result: FrameDetail };
  filter: { args: { text: string }; result: FilterOutcome };
  conversations: { args: Record<string, never>; result: ConversationSummary[] };
  ladder: { args: { stream: number }; result: LadderResult | null };
  follow: { args: { proto: 'tcp' | 'udp'; stream: number }; result: FollowResult };
  /** The IPv4, IPv6 and UDP conversations, protocol hierarchy and expert summary, with a filter for each row. */
  stats: { args: Record<string, never>; result: StatsResult };
  /** One stream graph: its points thinned to the drawing's pixels, and the table's first rows. */
  graph: { args: { stream: number; kind: GraphKind; dir?: GraphDir }; result: GraphResult | null };
  /** Points `from` to `to` - 1 of a graph (the table's rows in view), worked out again from the analysis. */
  graphRows: { args: { stream: number; kind: GraphKind; dir: GraphDir; from: number; to: number }; result: GraphPoint[] };
  /** The points of seconds t0 to t1 of the graph drawn last (and one each side), thinned to the drawing: a zoom's detail. */
  graphDetail: { args: { stream: number; kind: GraphKind; dir: GraphDir; t0: number; t1: number }; result: GraphPoint[] | null };
}

export interface StatsResult extends CaptureStats {
  /** Protocol hierarchy names the display filter knows (others get no Filter button). */
  filterable: string[];
}

export type FilterOutcome =
  | { ok: true; text: string; matches: Uint32Array }
  | { ok: false; text: string; message: string; position: number }
  /** A newer filter replaced this one before it finished. */
  | { ok: false; text: string; cancelled: true };

export type RequestKind = keyof Requests;

export interface RequestMessage<K extends RequestKind = RequestKind> {
  id: number;
  kind: K;
  args: Requests[K]['args'];
}

export type ReplyMessage =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; message: string }
  /** Progress of long work: reading, analysing, filtering. */
  | { progress: { stage: 'read' | 'index' | 'analyse' | 'filter' | 'stats'; done: number; total: number } };

/** How much of a large file the preview reads (about 7,000 full-size frames). */
export const PREVIEW_BYTES = 1 << 20;

/** The ladder shows at most this many segments of a stream (the rest: filter on tcp.stream). */
export const LADDER_LIMIT = 400;
