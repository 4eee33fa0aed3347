// The "frame" pseudo-protocol: what the capture file says about a record.

import type { FrameRecord } from '../types.ts';
import type { Sink } from '../fields/sink.ts';
import { defineFields } from '../fields/spec.ts';
import type { ProtocolTable } from '../fields/spec.ts';

/** Wireshark's WTAP_ENCAP numbers and names, by pcap link type. */
const ENCAP: Readonly<Record<number, readonly [number, string]>> = {
  0: [15, 'NULL/Loopback'],
  1: [1, 'Ethernet'],
  12: [7, 'Raw IP'],
  14: [7, 'Raw IP'],
  101: [7, 'Raw IP'],
  108: [54, 'OpenBSD loopback'],
  113: [25, 'Linux cooked-mode capture v1'],
  228: [129, 'Raw IPv4'],
  229: [130, 'Raw IPv6'],
  276: [210, 'Linux cooked-mode capture v2'],
};

function encapOf(linkType: number): readonly [number, string] {
  // LINKTYPE_USER0..15 (147-162) are WTAP_ENCAP_USER0..15 (45-60).
  if (linkType >= 147 && linkType <= 162) return [45 + linkType - 147, `USER ${linkType - 147}`];
  return ENCAP[linkType] ?? [-1, 'Unknown'];
}

const bytesAndBits = (v: unknown) => `${v} bytes (${Number(v) * 8} bits)`;

export const frameFields = defineFields({
  frame: { name: 'frame', label: 'Frame', type: 'protocol' },
  comments: { name: 'frame.comment', label: 'Comment', type: 'string' },
  interfaceId: { name: 'frame.interface_id', label: 'Interface id', type: 'uint', width: 32 },
  interfaceName: { name: 'frame.interface_name', label: 'Interface name', type: 'string' },
  interfaceDescription: { name: 'frame.interface_description', label: 'Interface description', type: 'string' },
  encapType: {
    name: 'frame.encap_type',
    label: 'Encapsulation type',
    type: 'int',
    width: 16,
    strings: (v) => (v >= 45 && v <= 60 ? `USER ${v - 45}` : Object.values(ENCAP).find(([n]) => n === v)?.[1]),
  },
  time: { name: 'frame.time', label: 'Arrival Time', type: 'abstime' },
  offsetShift: { name: 'frame.offset_shift', label: 'Time shift for this packet', type: 'reltime', generated: true },
  timeEpoch: { name: 'frame.time_epoch', label: 'Epoch Time', type: 'reltime' },
  timeDelta: { name: 'frame.time_delta', label: 'Time delta from previous captured frame', type: 'reltime', generated: true },
  timeDeltaDisplayed: {
    name: 'frame.time_delta_displayed',
    label: 'Time delta from previous displayed frame',
    type: 'reltime',
    generated: true,
  },
  timeRelative: { name: 'frame.time_relative', label: 'Time since reference or first frame', type: 'reltime', generated: true },
  number: { name: 'frame.number', label: 'Frame Number', type: 'uint', width: 32 },
  len: { name: 'frame.len', label: 'Frame Length', type: 'uint', width: 32, fmt: bytesAndBits },
  capLen: { name: 'frame.cap_len', label: 'Capture Length', type: 'uint', width: 32, fmt: bytesAndBits },
  marked: { name: 'frame.marked', label: 'Frame is marked', type: 'bool', generated: true },
  ignored: { name: 'frame.ignored', label: 'Frame is ignored', type: 'bool', generated: true },
  protocols: { name: 'frame.protocols', label: 'Protocols in frame', type: 'string', generated: true },
  cbPen: { name: 'frame.cb_pen', label: 'Private Enterprise Number', type: 'uint', width: 32, fmt: (v) => `${penName(Number(v))} (${v})` },
  cbCopy: { name: 'frame.cb_copy', label: 'Copying', type: 'bool', tfs: ['Allowed', 'Not Allowed'] },
});

/** A few IANA Private Enterprise Numbers by Wireshark's names for them (its full list is not carried). */
const PENS: Readonly<Record<number, string>> = { 0: 'Reserved', 1: 'NxNetworks', 32473: 'Example Enterprise Number for Documentation Use' };
export const penName = (pen: number) => PENS[pen] ?? 'Unknown';

export const frameTable: ProtocolTable = {
  layer: 'frame',
  filter: 'frame',
  title: 'Frame',
  header: [],
  fields: frameFields,
};

/** What the frame layer needs beyond the record. */
export interface FrameInfo {
  record: FrameRecord;
  /** Interface name and description, when the capture names them (pcapng). */
  interfaceName?: string;
  interfaceDescription?: string;
  /** Timestamp of the first frame and of the previous frame, for the relative times. */
  firstTimestamp?: bigint;
  previousTimestamp?: bigint;
}

/** "Frame 1: 76 bytes on wire (608 bits), 76 bytes captured (608 bits) on interface lo, id 0" */
function frameTitle(info: FrameInfo): string {
  const r = info.record;
  if (r.block?.kind === 'custom') {
    const bits = `${r.origLen} bytes (${r.origLen * 8} bits)`;
    return `PCAPNG Custom Block ${r.number}: ${bits} of custom data and options, PEN ${penName(r.block.pen)} (${r.block.pen}), copying ${r.block.copy ? 'allowed' : 'not allowed'}`;
  }
  if (r.block?.kind === 'journal') return `Systemd Journal Entry ${r.number}: ${r.origLen} bytes`;
  let s = `Frame ${r.number}: ${r.origLen} bytes on wire (${r.origLen * 8} bits), ${r.capLen} bytes captured (${r.capLen * 8} bits)`;
  if (info.interfaceName !== undefined && !r.block) s += ` on interface ${info.interfaceName}, id ${r.sectionInterfaceId ?? r.interfaceId}`;
  return s;
}

/**
 * Emit the frame node and its fields, and leave it open for the caller to add
 * frame.protocols once the layers are known.
 */
export function emitFrame(out: Sink, info: FrameInfo): void {
  const F = frameFields;
  const r = info.record;
  const len = r.capLen;
  const title = out.detail || out.wants(F.frame) ? frameTitle(info) : 'Frame';
  out.open(F.frame, 0, len, title, title);
  if (r.comments.length) {
    if (out.detail) out.openText('Packet comments', 0, 0);
    for (const c of r.comments) {
      out.add(F.comments, 0, 0, c, c);
      out.expert('frame.comment.expert', 'chat', c);
    }
    if (out.detail) out.close();
  }
  if (info.interfaceName !== undefined && !r.block) {
    const id = r.sectionInterfaceId ?? r.interfaceId;
    out.open(F.interfaceId, 0, 0, id, out.detail ? `Interface id: ${id} (${info.interfaceName})` : undefined);
    out.add(F.interfaceName, 0, 0, info.interfaceName);
    if (info.interfaceDescription !== undefined) out.add(F.interfaceDescription, 0, 0, info.interfaceDescription);
    out.close();
  }
  // A block that is no packet has no encapsulation; one without a time has no time fields.
  if (!r.block) out.add(F.encapType, 0, 0, encapOf(r.linkType)[0]);
  if (!r.noTime) {
    out.add(F.time, 0, 0, r.timestamp);
    out.add(F.offsetShift, 0, 0, 0n);
    out.add(F.timeEpoch, 0, 0, r.timestamp);
    // BigInt arithmetic costs; the fast path does it only for fields it keeps.
    if (out.detail || out.wants(F.timeDelta) || out.wants(F.timeDeltaDisplayed)) {
      const prev = info.previousTimestamp ?? r.timestamp;
      out.add(F.timeDelta, 0, 0, r.timestamp - prev);
      out.add(F.timeDeltaDisplayed, 0, 0, r.timestamp - prev);
    }
    if (out.detail || out.wants(F.timeRelative)) out.add(F.timeRelative, 0, 0, r.timestamp - (info.firstTimestamp ?? r.timestamp));
  }
  out.add(F.number, 0, 0, r.number);
  out.add(F.len, 0, 0, r.origLen);
  out.add(F.capLen, 0, 0, r.capLen);
  out.add(F.marked, 0, 0, false);
  out.add(F.ignored, 0, 0, false);
  if (r.block?.kind === 'custom') {
    out.add(F.cbPen, 0, 0, r.block.pen);
    out.add(F.cbCopy, 0, 0, r.block.copy);
  }
}
