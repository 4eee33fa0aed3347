// A stream graph of an opened capture: its rows from the shared analysis, the
// kind's points for one direction, and the endpoints' names for the title.
import { graphPoints, type GraphData, type GraphDir, type GraphPoint } from '../../decoder/graphs/points.ts';
import { eachStreamRow } from '../../decoder/graphs/stream-rows.ts';
import type { GraphKind } from '../../decoder/graphs/kinds.ts';
import type { OpenedCapture } from '../../decoder/open-capture.ts';
import { endpointText } from '../../decoder/text/endpoint.ts';

export interface CaptureGraph {
  data: GraphData;
  /** The sender and receiver of the graphed direction, as text ("10.0.0.1:5000"). */
  from: string;
  to: string;
}

/**
 * The graph, or undefined when the capture has no such TCP stream. Without a direction, the side
 * that sent more payload: the one whose sending a graph is about.
 */
export function graphOfCapture(
  capture: OpenedCapture,
  stream: number,
  kind: GraphKind,
  which?: GraphDir,
  /** Where the points go (graphPoints); the result's data then holds none. */
  sink?: { push(p: GraphPoint): void },
  /** Only the points of frames in this span (not for throughput, whose intervals span the stream). */
  frames?: { first: number; last: number },
): CaptureGraph | undefined {
  const summary = capture.analysis.summary(stream);
  if (!summary) return undefined;
  const dir = which ?? (summary.bytesBtoA > summary.bytesAtoB ? 'B' : 'A');
  const rows = eachStreamRow({ analysis: capture.analysis, tcpSegment: capture.tcpSegment, firstTime: capture.frames[0]?.timestamp ?? 0n }, stream, frames);
  const a = endpointText(summary.a.address, summary.a.port);
  const b = endpointText(summary.b.address, summary.b.port);
  return { data: graphPoints(rows, stream, kind, dir, sink), from: dir === 'A' ? a : b, to: dir === 'A' ? b : a };
}
