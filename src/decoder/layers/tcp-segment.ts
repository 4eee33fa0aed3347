// A TCP payload that belongs to a PDU spanning several segments, shown as
// `tshark -2` shows it: every segment but the last says in which frame the
// PDU is reassembled and goes to no further dissector; the last one shows the
// reassembled bytes as a data source of their own ("Reassembled TCP") and
// hands them to the application layer. Which frame is which comes from the
// analysis (session.ts: TcpAnalysis.reassembledIn / reassembled).

import { defineFields } from '../fields/spec.ts';
import type { LayerContext } from './context.ts';
import type { ReassembledPdu, TcpAnalysis } from './session.ts';
import { routePayload } from './route-payload.ts';

export const tcpSegmentFields = defineFields({
  segmentData: { name: 'tcp.segment_data', label: 'TCP segment data', type: 'bytes' },
  reassembledIn: { name: 'tcp.reassembled_in', label: 'Reassembled PDU in frame', type: 'framenum', width: 32, generated: true },
  segments: { name: 'tcp.segments', label: 'Reassembled TCP Segments', type: 'none', generated: true },
  segment: { name: 'tcp.segment', label: 'Frame', type: 'framenum', width: 32, generated: true },
  segmentCount: { name: 'tcp.segment.count', label: 'Segment count', type: 'uint', width: 32, generated: true },
  reassembledLength: { name: 'tcp.reassembled.length', label: 'Reassembled TCP length', type: 'uint', width: 32, generated: true },
  reassembledData: { name: 'tcp.reassembled.data', label: 'Reassembled TCP Data', type: 'bytes', generated: true },
});

const S = tcpSegmentFields;

const bytesText = (n: number): string => `${n} byte${n === 1 ? '' : 's'}`;

/** Name of the data source holding a reassembled PDU (Wireshark's bytes tab "Reassembled TCP (N bytes)"). */
export const REASSEMBLED_TCP = 'Reassembled TCP';

/** Appended to the TCP Info of a segment whose PDU completes later. */
export const SEGMENT_INFO = ' [TCP segment of a reassembled PDU]';

/** The payload's tail waits for a later frame, or for one the capture ends before. */
function holds(an: TcpAnalysis | undefined): an is TcpAnalysis {
  return an?.reassembledIn !== undefined || an?.unfinished === true;
}

/**
 * The bytes of the payload the application layer reads from the frame
 * itself, [from, to): after the part that completes a reassembled PDU, and
 * before the part held for a later frame. Empty when the whole payload is
 * one or the other.
 */
export function ownSpan(an: TcpAnalysis | undefined, payloadLength: number): [number, number] {
  const pdu = an?.reassembled;
  const from = pdu ? pdu.offsetHere + pdu.lengthHere : 0;
  const to = holds(an) ? Math.min(an.heldFrom ?? 0, payloadLength) : payloadLength;
  return [from, Math.max(from, to)];
}

/** Info ends in "[TCP segment of a reassembled PDU]" when the frame shows no PDU at all. */
export function isHeldSegment(an: TcpAnalysis | undefined, payloadLength: number): boolean {
  if (!holds(an) || an.reassembled) return false;
  const [from, to] = ownSpan(an, payloadLength);
  return to <= from;
}

/**
 * Inside the TCP node, after "TCP payload": the reassembly lines of this
 * segment (tcp.reassembled_in, then its parts as tcp.segment_data).
 */
export function emitSegmentLines(ctx: LayerContext, an: TcpAnalysis, tcpOffset: number, payloadOffset: number, payloadCaptured: number): void {
  const { out } = ctx;
  const pdu = an.reassembled;
  if (an.reassembledIn !== undefined) out.add(S.reassembledIn, tcpOffset, 0, an.reassembledIn);
  const data = (from: number, n: number): void => {
    n = Math.min(n, payloadCaptured - from);
    if (n > 0) out.add(S.segmentData, payloadOffset + from, n, undefined, out.detail ? `TCP segment data (${bytesText(n)})` : undefined);
  };
  if (pdu) data(pdu.offsetHere, pdu.lengthHere);
  if (holds(an)) data(an.heldFrom ?? 0, payloadCaptured);
}

/** "[4 Reassembled TCP Segments (4606 bytes): #6(1460), #7(1460), #9(1460), #10(226)]" */
function segmentsLabel(pdu: Pick<ReassembledPdu, 'frames' | 'lengths'>, total: number): string {
  return `[${pdu.frames.length} Reassembled TCP Segments (${total} bytes): ${pdu.frames.map((f, i) => `#${f}(${pdu.lengths[i]})`).join(', ')}]`;
}

/**
 * After the TCP node: the reassembled PDU as its own data source, with the
 * list of segments it came from, then the application layer on its bytes
 * (routed as a single segment's payload is), unless the
 * completing segment came out of order (`app` false): tshark then shows the
 * segments but hands the bytes to no dissector.
 */
export function dissectReassembled(ctx: LayerContext, pdu: ReassembledPdu, sp: number, dp: number, bound: string | undefined, app = true): void {
  const total = pdu.bytes.length;
  ctx.withSource(REASSEMBLED_TCP, pdu.bytes, () => {
    const { out } = ctx;
    out.open(S.segments, 0, total, undefined, out.detail ? segmentsLabel(pdu, total) : undefined);
    let at = 0;
    pdu.frames.forEach((f, i) => {
      const n = pdu.lengths[i];
      out.add(S.segment, at, n, f, out.detail ? `Frame: ${f}, payload: ${at}-${at + n - 1} (${bytesText(n)})` : undefined);
      at += n;
    });
    out.add(S.segmentCount, 0, 0, pdu.frames.length);
    out.add(S.reassembledLength, 0, 0, total);
    out.add(S.reassembledData, 0, total);
    out.close();
    if (!app) return;
    routePayload(ctx, 'tcp.port', sp, dp, 0, total, bound);
  });
}
