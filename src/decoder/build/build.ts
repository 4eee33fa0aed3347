// The capture builder: a YAML spec of frames, given as field values, to a
// pcapng file. Lengths and checksums are computed; claims in the spec
// (expect: {tcp.checksum: 0x3345}) are checked against the dissector's reading
// of the built bytes; each frame's provenance goes into its packet comment.
// Pure: text in, bytes out; the CLI does the file I/O.

import { LINKTYPE } from '../capture/linktypes.ts';
import { writePcapng } from '../capture/write-pcapng.ts';
import type { FrameToWrite } from '../capture/capture-types.ts';
import { createAnalysisSessions } from '../analysis/session-adapter.ts';
import { dissectFrame, findField } from '../dissect.ts';
import type { Field, FrameRecord } from '../types.ts';
import { buildPacket } from './packet.ts';
import { readSpec, SpecProblem } from './spec.ts';
import type { Expectation, FrameSpec } from './spec.ts';
import { parseYaml } from '../../lib/yaml/yaml-lite.ts';

export interface BuildProblem {
  file: string;
  line: number;
  col: number;
  message: string;
}

export interface BuiltFrame {
  spec: FrameSpec;
  data: Uint8Array;
  /** The packet comment written for the frame. */
  comment: string;
}

export interface BuildResult {
  /** The pcapng file; absent when there is a problem. */
  bytes?: Uint8Array;
  frames: BuiltFrame[];
  problem?: BuildProblem;
}

/** "file:line:col: message", as compilers print it. */
export function formatProblem(p: BuildProblem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.message}`;
}

const PROGRAM = 'wirebook capture build';

/** The checksum fields whose status the comment reports, with their labels. */
const CHECKSUMS: readonly [string, string][] = [
  ['ip.checksum', 'IPv4 header'],
  ['udp.checksum', 'UDP'],
  ['tcp.checksum', 'TCP'],
];

function fieldText(f: Field): string {
  return f.show;
}

/** True when the dissected field holds the expected value. */
function matches(f: Field, x: Expectation): boolean {
  if (x.text === '') return true; // field: "" asks only that the field is there (analysis flags)
  if (typeof x.value === 'number' && (typeof f.value === 'number' || typeof f.value === 'bigint')) return Number(f.value) === x.value;
  if (typeof x.value === 'number' && typeof f.value === 'boolean') return Number(f.value) === x.value;
  return f.show === String(x.text);
}

/** What the dissector says about the frame's checksums, one phrase each. */
function checksumNotes(tree: readonly Field[]): string[] {
  const notes: string[] = [];
  for (const [name, label] of CHECKSUMS) {
    const f = findField(tree, name);
    const status = findField(tree, `${name}.status`);
    if (!f || !status) continue;
    const s = Number(status.value);
    if (s === 1) notes.push(`${label} checksum ${f.show} verifies`);
    else if (s === 0) {
      const calc = findField(tree, `${name}_calculated`);
      notes.push(`${label} checksum ${f.show} does NOT verify${calc ? ` (the bytes give ${calc.show})` : ''}`);
    }
  }
  return notes;
}

function frameLabel(s: FrameSpec): string {
  return `frame ${s.number}${s.report ? ` (report frame ${s.report})` : ''}`;
}

/** Builds the capture described by `specText`; `file` names it in problems. Never throws on bad input. */
export function buildCapture(specText: string, file = 'spec.yaml'): BuildResult {
  const at = (line: number, col: number, message: string): BuildResult => ({ frames: [], problem: { file, line, col, message } });
  const yaml = parseYaml(specText);
  if (yaml.problem) return at(yaml.problem.line, yaml.problem.col, yaml.problem.message);
  let spec: ReturnType<typeof readSpec>;
  try {
    spec = readSpec(yaml.node);
  } catch (e) {
    if (e instanceof SpecProblem) return at(e.line, e.col, e.message);
    throw e;
  }
  const linkType = spec.link === 'raw' ? LINKTYPE.RAW : LINKTYPE.ETHERNET;
  const built: { s: FrameSpec; data: Uint8Array; record: FrameRecord }[] = [];
  let previous: bigint | undefined;
  for (const s of spec.frames) {
    if (previous !== undefined && s.timestamp < previous)
      return at(s.line, 1, `${frameLabel(s)} is earlier than the frame before it: keep frames in time order`);
    previous = s.timestamp;
    const data = s.raw ?? buildPacket(s.packet).data;
    const record: FrameRecord = {
      number: s.number,
      dataOffset: 0,
      capLen: data.length,
      origLen: data.length,
      timestamp: s.timestamp,
      linkType,
      interfaceId: 0,
      comments: [],
    };
    built.push({ s, data, record });
  }
  // Two passes, as tshark -2: expectations may name analysis fields
  // (tcp.window_size, tcp.analysis.retransmission), which need the whole capture.
  const sessions = createAnalysisSessions();
  for (const b of built) dissectFrame(b.record, b.data, { session: sessions.firstPass });
  const { secondPass } = sessions.finish();
  const frames: BuiltFrame[] = [];
  const toWrite: FrameToWrite[] = [];
  const first = built[0].record.timestamp;
  let prev = first;
  for (const { s, data, record } of built) {
    const tree = dissectFrame(record, data, { session: secondPass, firstTimestamp: first, previousTimestamp: prev }).tree;
    prev = record.timestamp;
    const checked: string[] = [];
    for (const x of s.expect) {
      const f = findField(tree, x.field);
      if (!f) return at(x.line, x.col, `${frameLabel(s)}: the built frame has no field '${x.field}' (the spec expects ${x.text})`);
      if (!matches(f, x)) return at(x.line, x.col, `${frameLabel(s)}: ${x.field} is ${fieldText(f)}, the spec expects ${x.text}`);
      checked.push(x.text === '' ? x.field : `${x.field} ${fieldText(f)}`);
    }
    const parts: string[] = [];
    const when = s.time !== undefined ? ` at ${s.time} s` : '';
    parts.push(s.report ? `Report frame ${s.report}${when}.` : `Not in the report${when}: added to complete the exchange.`);
    if (s.note) parts.push(s.note.replace(/\s+/g, ' '));
    if (s.raw) parts.push(`Raw bytes (${data.length}) given in the spec.`);
    if (checked.length) parts.push(`Checked against the spec: ${checked.join(', ')}.`);
    const sums = checksumNotes(tree);
    if (sums.length) parts.push(sums.join('; ') + '.');
    const comment = parts.join(' ');
    frames.push({ spec: s, data, comment });
    toWrite.push({ linkType, timestamp: s.timestamp, data, comments: [comment] });
  }
  const opts: { userAppl: string; shbComment?: string } = { userAppl: PROGRAM };
  if (spec.comment) opts.shbComment = spec.comment.replace(/\s+/g, ' ');
  return { bytes: writePcapng(toWrite, opts), frames };
}
