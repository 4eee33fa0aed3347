// Test support: runs the analysis over a capture and compares it with a tshark
// `-T fields -E header=y -E occurrence=a -E aggregator=,` table, cell by cell.
import { finishAnalysis, type ConversationAnalysis } from './analysis.ts';
import { createTcpAnalyzer } from './tcp-analyzer.ts';
import { createFragmentTracker } from './ip-fragments.ts';
import { parseFrame, readFrames, type Parsed } from './test-capture.ts';
import { bindingKey } from '../bindings.ts';
import { tcpFields } from '../layers/tcp.ts';
import { tcpSegmentFields as S } from '../layers/tcp-segment.ts';
import { ANALYSIS_NAMES, TCP_ANALYSED } from './field-specs.ts';

const PROTO_UDP = bindingKey('ip.proto', 'udp');

export interface Mismatch {
  frame: number;
  field: string;
  expected: string;
  actual: string;
}

export function analyzeCapture(file: Uint8Array): { parsed: Parsed[]; analysis: ConversationAnalysis } {
  const parsed = readFrames(file).map(parseFrame);
  const an = createTcpAnalyzer();
  const fragments = createFragmentTracker();
  for (const [i, p] of parsed.entries()) {
    if (p && 'tcp' in p) an.addTcp(p.tcp);
    else if (p && 'udp' in p) an.addUdp(p.udp);
    else if (p && 'fragment' in p) {
      // A fragmented UDP datagram counts in the frame completing it, as tshark -2 dissects it there.
      const g = p.fragment;
      const done = fragments.add(g.frame, g.key, g.offset, g.length, g.more, g.payload);
      if (done && g.proto === PROTO_UDP && done.head.length >= 4) {
        const h = done.head;
        const udp = { frame: g.frame, time: g.time, src: g.src, dst: g.dst, srcPort: (h[0] << 8) | h[1], dstPort: (h[2] << 8) | h[3] };
        an.addUdp(udp);
        parsed[i] = { udp };
      }
    }
  }
  return { parsed, analysis: finishAnalysis(an.finish()) };
}

/** Fields this analysis produces (everything else in a table belongs to the dissector). */
export const ANALYSIS_FIELDS: ReadonlySet<string> = new Set([
  ...ANALYSIS_NAMES,
  ...[...TCP_ANALYSED, tcpFields.len, tcpFields.seqRaw, tcpFields.ackRaw].map((s) => s.name),
  ...[S.reassembledIn, S.segment, S.segmentCount, S.reassembledLength].map((s) => s.name),
]);

/** Compares the columns of `tsv` that belong to the analysis; returns the disagreeing cells. */
export function compareTable(
  tsv: string,
  parsed: Parsed[],
  a: ConversationAnalysis,
): { mismatches: Mismatch[]; compared: Map<string, number>; foreign: string[] } {
  const lines = tsv.split('\n').filter((l) => l.length > 0);
  const header = lines[0].split('\t');
  const mine = header.map((h) => ANALYSIS_FIELDS.has(h));
  const mismatches: Mismatch[] = [];
  const compared = new Map<string, number>();
  for (let i = 1; i < lines.length; i++) {
    const cells = lines[i].split('\t');
    const p = parsed[i - 1];
    const got = p && 'tcp' in p ? a.tcpFields(p.tcp) : p && 'udp' in p ? a.udpFields(p.udp) : [];
    for (let j = 0; j < header.length; j++) {
      if (!mine[j]) continue;
      const expected = cells[j] ?? '';
      const actual = got
        .filter((g) => g.name === header[j])
        .map((g) => g.show)
        .join(',');
      if (expected !== actual) mismatches.push({ frame: i, field: header[j], expected, actual });
      else compared.set(header[j], (compared.get(header[j]) ?? 0) + 1);
    }
  }
  return { mismatches, compared, foreign: header.filter((_, j) => !mine[j]) };
}
