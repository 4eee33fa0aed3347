// A capture as quiz answers see it: every field of every frame by its
// Wireshark name, with the TCP analysis (relative numbers, calculated window,
// explanations) laid over the dissection, so that "frame 3 tcp.ack" means
// what Wireshark shows by default. Pure: works from an OpenedCapture.
import type { Field } from '../../decoder/types.ts';
import type { OpenedCapture, FrameSummary } from '../../decoder/open-capture.ts';
import { findAll } from '../../decoder/dissect.ts';
import type { TcpSegmentInput } from '../../decoder/analysis/index.ts';
import { explanationText } from '../strings/analysis.ts';

export interface CaptureFacts {
  frameCount: number;
  /** Every occurrence of `field` in frame n, as tshark -T fields prints it; [] when absent. */
  values(frame: number, field: string): string[];
  /** The field in the details tree (for its byte range); undefined for analysis-only fields. */
  treeField(frame: number, field: string): Field | undefined;
  /** Named fields of one protocol layer of frame n, in tree order (for "which field?" lists). */
  layerFields(frame: number, protocol: string): Field[];
  summary(frame: number): FrameSummary;
  /** Plain-language analysis notes for frame n (retransmission, window update...). */
  explanations(frame: number): string[];
}

const cache = new WeakMap<OpenedCapture, CaptureFacts>();

export function captureFacts(capture: OpenedCapture): CaptureFacts {
  let facts = cache.get(capture);
  if (!facts) {
    facts = build(capture);
    cache.set(capture, facts);
  }
  return facts;
}

function build(capture: OpenedCapture): CaptureFacts {
  const count = capture.frames.length;
  const segments = new Map<number, TcpSegmentInput>();
  for (let n = 1; n <= count; n++) {
    const seg = capture.tcpSegment(n);
    if (seg) {
      segments.set(n, seg);
    }
  }
  // The capture's own two-pass analysis (as tshark -2), shared with every widget.
  const analysis = capture.analysis;
  const inRange = (n: number) => Number.isInteger(n) && n >= 1 && n <= count;

  const values = (n: number, field: string): string[] => {
    if (!inRange(n)) return [];
    const seg = segments.get(n);
    if (seg && field.startsWith('tcp.')) {
      const got = analysis.tcpFields(seg).filter((f) => f.name === field);
      if (got.length) return got.map((f) => f.show);
    }
    // The raw next sequence number is not a Wireshark field; quizzes need it to
    // tell a raw answer from a relative one.
    if (field === 'tcp.nxtseq_raw' && seg) {
      const rel = values(n, 'tcp.nxtseq')[0];
      const seq = values(n, 'tcp.seq')[0];
      if (rel === undefined || seq === undefined) return [];
      return [String((seg.seqRaw + Number(rel) - Number(seq)) >>> 0)];
    }
    return findAll(capture.dissect(n).tree, field).map((f) => f.show);
  };

  return {
    frameCount: count,
    values,
    treeField: (n, field) => (inRange(n) ? findAll(capture.dissect(n).tree, field)[0] : undefined),
    layerFields(n, protocol) {
      if (!inRange(n)) return [];
      const layer = findAll(capture.dissect(n).tree, protocol)[0];
      const out: Field[] = [];
      const walk = (fs: Field[] | undefined) => {
        for (const f of fs ?? []) {
          if (f.name && f.length > 0 && !f.generated) out.push(f);
          walk(f.children);
        }
      };
      walk(layer?.children);
      return out;
    },
    summary: (n) => capture.summaries()[n - 1],
    explanations(n) {
      const seg = segments.get(n);
      return seg ? analysis.explain(seg).map(explanationText) : [];
    },
  };
}
