// The frame dissector: runs the layers over one frame's bytes, starting from
// its link type, and collects what they describe through a sink. Two ways in:
// dissectFrame builds the details tree and the packet-list columns;
// extractFields keeps only named fields, for `wirebook fields -e ...`.

import type { DataSource, Field, FrameRecord } from './types.ts';
import type { Sink } from './fields/sink.ts';
import type { FieldSpec } from './fields/spec.ts';
import { TreeSink } from './fields/tree-sink.ts';
import { WantedSink } from './fields/wanted-sink.ts';
import type { FieldWanted } from './fields/wanted-sink.ts';
import { bindings as defaultBindings, withDecodeAs } from './bindings.ts';
import type { BindingTable, Bindings } from './bindings.ts';
import type { Columns, LayerContext } from './layers/context.ts';
import type { IpHeader, LayerRecords } from './layers/records.ts';
import type { DissectSession } from './layers/session.ts';
import { decoders, protocolTables } from './layers/index.ts';
import { emitFrame, frameFields, penName } from './layers/frame.ts';
import type { FrameInfo } from './layers/frame.ts';
import { malformedFields } from './layers/malformed.ts';
import { nsText } from './fields/format.ts';
import { EXPERT_SPECS } from './fields/expert-fields.ts';
import { createPlainExtractor } from './fields/plain-frames.ts';

export type { DissectSession, TcpAnalysis } from './layers/session.ts';
export type { FieldWanted } from './fields/wanted-sink.ts';
export { compileWanted } from './fields/wanted-sink.ts';
export { findAll, findField } from './fields/find.ts';
export { protocolTables } from './layers/index.ts';

export interface DissectOptions {
  /** Extra "decode as" rules, e.g. { 'udp.port': { 45953: 'dns' } }. */
  decodeAs?: Partial<Record<BindingTable, Record<number, string>>>;
  /** Interface name/description for the frame line (pcapng). */
  interfaceName?: string;
  interfaceDescription?: string;
  /** For frame.time_relative and frame.time_delta. */
  firstTimestamp?: bigint;
  previousTimestamp?: bigint;
  /** Per-capture analysis hooks (TCP conversations). */
  session?: DissectSession;
}

export interface DissectedFrame {
  /** Top-level protocol nodes, "frame" first. */
  tree: Field[];
  columns: Columns;
  /** frame.protocols, e.g. "eth:ethertype:ip:udp:dns". */
  protocols: string;
  /** Some layer found bad data (malformed, bogus length, cut name...). Bad checksums do not count. */
  malformed: boolean;
  /** The capture was cut by its snaplen inside a layer. */
  truncated: boolean;
  /** Decoded header values by layer, for analysis and widgets. */
  layers: LayerRecords;
  /**
   * Data sources besides the frame's bytes, in the order made: the bytes of a
   * PDU reassembled from several TCP segments ("Reassembled TCP"). Fields with
   * `source` set have their offset and length in the source of that name.
   */
  sources: DataSource[];
}

/** Per-frame state handed to the layers. */
class FrameContext implements LayerContext {
  data: Uint8Array;
  record: FrameRecord;
  readonly out: Sink;
  readonly columns: boolean;
  cols: Columns = { source: '', destination: '', protocol: '', info: '' };
  protocols: string[] = [];
  layers: LayerRecords = {};
  session: DissectSession | undefined;
  inner = false;
  lastIp: IpHeader | undefined = undefined;
  fragmented = false;
  bad = false;
  stopped = false;
  malformedIn = '';
  malformedMessage: string | undefined = undefined;
  truncatedIn = '';
  sources: DataSource[] = [];
  private readonly bindings: Bindings;
  /** Leaf layers nobody asked about (fast path only). */
  private readonly skip: ReadonlySet<string> | undefined;
  /** Layers may drop to routing only (fast path, no columns or markers wanted). */
  private readonly mayQuiet: boolean;

  constructor(out: Sink, columns: boolean, bindings: Bindings, skip?: ReadonlySet<string>) {
    this.out = out;
    this.columns = columns;
    this.bindings = bindings;
    this.skip = skip;
    this.mayQuiet = skip !== undefined && !columns;
    this.data = new Uint8Array(0);
    this.record = undefined as unknown as FrameRecord;
  }

  /** Start a frame (the fast path reuses one context for every frame). */
  reset(record: FrameRecord, data: Uint8Array, session: DissectSession | undefined): void {
    this.record = record;
    this.data = data;
    this.session = session;
    // Without columns nobody reads cols: the extractor's one context keeps its first.
    if (this.columns) this.cols = { source: '', destination: '', protocol: '', info: '' };
    this.protocols = [];
    this.layers = {};
    this.inner = false;
    this.lastIp = undefined;
    this.fragmented = false;
    this.bad = false;
    this.stopped = false;
    this.malformedIn = '';
    this.malformedMessage = undefined;
    this.truncatedIn = '';
    if (this.sources.length) this.sources = [];
  }

  malformed(proto: string, message?: string): void {
    if (this.stopped) return;
    this.stopped = true;
    this.bad = true;
    this.malformedIn = proto;
    // The expert item goes once, under the closing [Malformed Packet] line (closeFrame), as in tshark.
    this.malformedMessage = message;
  }

  tooDeep(proto?: string): boolean {
    if (this.protocols.length < MAX_LAYERS) return false;
    const last = this.protocols[this.protocols.length - 1];
    const text = `[Dissector bug, protocol ${proto ?? PROTOCOL_NAMES[last] ?? last}: ${DEPTH_ASSERTION}]`;
    this.out.open(malformedFields.malformed, 0, 0, text, text);
    this.out.close();
    this.out.expert('_ws.malformed', 'error', DEPTH_ASSERTION);
    this.stopped = true;
    this.bad = true;
    return true;
  }

  truncated(proto: string): void {
    if (this.stopped) return;
    this.stopped = true;
    this.truncatedIn = proto;
  }

  quiet(specs: readonly FieldSpec[]): boolean {
    return this.mayQuiet && this.session === undefined && !this.out.wantsAny(specs);
  }

  isMalformed(): boolean {
    return this.stopped;
  }

  markBad(): void {
    this.bad = true;
  }

  withSource(name: string, bytes: Uint8Array, run: () => void): void {
    const frameData = this.data;
    this.sources.push({ name, bytes });
    this.data = bytes;
    this.out.source(name, bytes);
    try {
      run();
    } finally {
      this.data = frameData;
      this.out.source(undefined, frameData);
    }
  }

  next(table: BindingTable, key: number, offset: number, end: number): number {
    if (table === 'ethertype') this.protocols.push('ethertype');
    const name = this.bindings[table][key];
    if (name === undefined) return -1;
    return this.call(name, offset, end);
  }

  call(layer: string, offset: number, end: number, inner?: boolean, arg?: string): number {
    if (this.stopped) return end;
    if (this.skip?.has(layer)) return end;
    const decode = decoders[layer];
    if (!decode) return -1;
    if (this.tooDeep()) return end;
    const wasInner = this.inner;
    const savedIp = this.lastIp;
    if (inner) this.inner = true;
    const r = decode(this, offset, end, arg);
    this.inner = wasInner;
    if (inner) this.lastIp = savedIp;
    return typeof r === 'number' ? r : end;
  }
}

function runLayers(ctx: FrameContext, record: FrameRecord): void {
  const block = record.block;
  if (block?.kind === 'journal') {
    ctx.call('systemd_journal', 0, record.origLen);
    return;
  }
  if (block?.kind === 'custom') {
    // Wireshark shows a custom block's bytes as data, under its own columns.
    ctx.call('data', 0, record.origLen);
    if (ctx.columns) {
      ctx.cols.protocol = 'PCAPNG';
      ctx.cols.info = `Custom Block: PEN = ${penName(block.pen)} (${block.pen}), will ${block.copy ? '' : 'not '}be copied`;
    }
    return;
  }
  const first = defaultBindings.linktype[record.linkType];
  if (!first) {
    ctx.call('data', 0, record.origLen);
    return;
  }
  ctx.call(first, 0, record.origLen);
}

const MAX_INFO = 4095;

/** Layers a frame may hold before Wireshark's assertion on its tree depth (prefs.gui_max_tree_depth, 500) stops it. */
const MAX_LAYERS = 499;
const DEPTH_ASSERTION = './epan/packet.c:869: failed assertion "saved_layers_len < prefs.gui_max_tree_depth"';
const PROTOCOL_NAMES: Readonly<Record<string, string>> = { ip: 'IPv4', ipv6: 'IPv6', icmp: 'ICMP', icmpv6: 'ICMPv6', vlan: '802.1Q Virtual LAN' };

/** The closing lines Wireshark adds when a layer hit the end of its bytes. */
function closeFrame(ctx: FrameContext): void {
  const { out } = ctx;
  const M = malformedFields;
  if (ctx.malformedIn) {
    const text = `[Malformed Packet: ${ctx.malformedIn}]`;
    out.open(M.malformed, 0, 0, text, text);
    out.close();
    out.expert('_ws.malformed', 'error', ctx.malformedMessage ?? 'Malformed Packet (Exception occurred)');
    if (ctx.columns) ctx.cols.info += '[Malformed Packet]';
  } else if (ctx.truncatedIn) {
    const text = `[Packet size limited during capture: ${ctx.truncatedIn} truncated]`;
    out.open(M.short, 0, 0, text, text);
    out.close();
    if (ctx.columns) ctx.cols.info += '[Packet size limited during capture]';
  }
  // Wireshark's Info column holds at most COL_MAX_INFO_LEN - 1 bytes (a DNS message of thousands of records).
  if (ctx.columns && ctx.cols.info.length > MAX_INFO) ctx.cols.info = ctx.cols.info.slice(0, MAX_INFO);
}

function frameInfo(record: FrameRecord, opts: DissectOptions | undefined): FrameInfo {
  return {
    record,
    interfaceName: opts?.interfaceName,
    interfaceDescription: opts?.interfaceDescription,
    firstTimestamp: opts?.firstTimestamp,
    previousTimestamp: opts?.previousTimestamp,
  };
}

const bindingsCache = new WeakMap<object, Bindings>();
function bindingsFor(opts: DissectOptions | undefined): Bindings {
  if (!opts?.decodeAs) return defaultBindings;
  let b = bindingsCache.get(opts.decodeAs);
  if (!b) {
    b = withDecodeAs(opts.decodeAs);
    bindingsCache.set(opts.decodeAs, b);
  }
  return b;
}

/** Dissect one frame into its details tree and packet-list columns. Never throws. */
export function dissectFrame(record: FrameRecord, data: Uint8Array, opts?: DissectOptions): DissectedFrame {
  const sink = new TreeSink();
  sink.begin(data);
  const ctx = new FrameContext(sink, true, bindingsFor(opts));
  ctx.reset(record, data, opts?.session);
  emitFrame(sink, frameInfo(record, opts));
  sink.add(frameFields.protocols, 0, 0, '');
  const frameNode = sink.current() as Field;
  sink.close();
  runLayers(ctx, record);
  closeFrame(ctx);
  opts?.session?.frameDone?.(ctx);
  const protocols = ctx.protocols.join(':');
  // frame.protocols is known only now: fill in the placeholder.
  const p = frameNode.children?.find((f) => f.name === 'frame.protocols');
  if (p) {
    p.value = protocols;
    p.show = protocols;
    p.display = `[Protocols in frame: ${protocols}]`;
  }
  return {
    tree: sink.roots,
    columns: ctx.cols,
    protocols,
    malformed: ctx.bad,
    truncated: ctx.truncatedIn !== '',
    layers: ctx.layers,
    sources: ctx.sources,
  };
}

/** Values of the Length and Time columns, and the others, for `_ws.col.*`. */
function columnValue(key: string, ctx: FrameContext, record: FrameRecord, first: bigint): string {
  switch (key) {
    case 'number':
      return String(record.number);
    case 'length':
      return String(record.origLen);
    case 'time':
      return record.noTime ? '' : nsText(record.timestamp - first);
    default:
      return ctx.cols[key as keyof Columns];
  }
}

/** Layers that only describe a payload (nothing routes through them). */
const LEAVES = ['dns', 'mdns', 'llmnr', 'http', 'tls', 'data-text-lines', 'xml', 'data', 'user_dlt'];

/** Names of the fields the payload layers define (and the markers any layer may raise). */
let payloadNames: Set<string> | undefined;

/**
 * Whether field `name` comes from a layer that only describes a payload (DNS,
 * HTTP, TLS, data...), or is a malformed/short marker, which any layer may
 * raise. Such fields depend on how TCP payloads are reassembled.
 */
export function isPayloadField(name: string): boolean {
  if (!payloadNames) {
    payloadNames = new Set([malformedFields.malformed.name, malformedFields.short.name]);
    for (const layer of LEAVES) {
      const table = protocolTables[layer === 'mdns' || layer === 'llmnr' ? 'dns' : layer];
      if (!table) continue;
      payloadNames.add(table.filter);
      for (const f of Object.values(table.fields)) payloadNames.add(f.name);
    }
  }
  return payloadNames.has(name) || name.startsWith('_ws.');
}

/**
 * Leaf layers the fast path may skip: none of their fields is wanted, and
 * neither columns nor frame.protocols (which name them) nor the
 * malformed/short markers (which they may raise) are.
 */
function skippedLeaves(sink: WantedSink, namesNeeded: boolean): ReadonlySet<string> | undefined {
  // Expert items come from any layer: wanting one means dissecting them all.
  if (namesNeeded || sink.wants(malformedFields.malformed) || sink.wants(malformedFields.short) || sink.wantsAny(EXPERT_SPECS)) return undefined;
  const skip = new Set<string>();
  for (const layer of LEAVES) {
    const table = protocolTables[layer === 'mdns' || layer === 'llmnr' ? 'dns' : layer];
    if (table && !sink.wantsAny(Object.values(table.fields))) skip.add(layer);
  }
  return skip;
}

/**
 * A reusable field extractor for one `-e` list. Call it once per frame, in
 * capture order (it tracks the first and previous timestamps). The returned
 * array is reused by the next call: copy it to keep it.
 */
export function createExtractor(
  wanted: FieldWanted,
  opts?: Omit<DissectOptions, 'session' | 'firstTimestamp' | 'previousTimestamp'> & {
    /** false: every frame through the layers (the plain-frame fast path's tests compare the two). */
    plain?: boolean;
  },
  /** Where the values go; a display filter passes a sink that keeps occurrences apart. */
  sink: WantedSink = new WantedSink(wanted),
) {
  const columns = wanted.columns.length > 0;
  const b = bindingsFor(opts);
  const protocolsSlot = sink.wants(frameFields.protocols);
  const ctx = new FrameContext(sink, columns, b, skippedLeaves(sink, columns || protocolsSlot));
  let first: bigint | undefined;
  let prev: bigint | undefined;
  // One frame description, updated in place for every frame.
  const info: FrameInfo = { record: undefined as unknown as FrameRecord, interfaceName: opts?.interfaceName, interfaceDescription: opts?.interfaceDescription };
  // Plain Ethernet/IPv4 TCP and UDP frames skip the layers when every field has a reader there.
  const plain = opts?.decodeAs || opts?.plain === false ? undefined : createPlainExtractor(wanted, sink);
  const extract = (record: FrameRecord, data: Uint8Array, session?: DissectSession): string[] => {
    sink.begin(data);
    first ??= record.timestamp;
    info.record = record;
    info.firstTimestamp = first;
    info.previousTimestamp = prev ?? record.timestamp;
    const fast = session?.plain;
    if (plain !== undefined && !record.noTime && (session === undefined || fast !== undefined) && plain(record, data, info, fast)) {
      prev = record.timestamp;
      return sink.values;
    }
    ctx.reset(record, data, session);
    emitFrame(sink, info);
    sink.close();
    runLayers(ctx, record);
    closeFrame(ctx);
    session?.frameDone?.(ctx);
    if (protocolsSlot) sink.add(frameFields.protocols, 0, 0, ctx.protocols.join(':'));
    for (const [i, key] of wanted.columns) sink.setColumn(i, columnValue(key, ctx, record, first));
    prev = record.timestamp;
    return sink.values;
  };
  /** Passes over a frame without extracting it (its time still counts for frame.time_delta and the like). */
  const skip = (record: FrameRecord): void => {
    first ??= record.timestamp;
    prev = record.timestamp;
  };
  return Object.assign(extract, { skip });
}

const extractors = new WeakMap<FieldWanted, ReturnType<typeof createExtractor>>();

/** One frame's wanted fields as `tshark -T fields` prints them (occurrences joined by ","). */
export function extractFields(record: FrameRecord, data: Uint8Array, wanted: FieldWanted, session?: DissectSession): string[] {
  let x = extractors.get(wanted);
  if (!x) {
    x = createExtractor(wanted);
    extractors.set(wanted, x);
  }
  return x(record, data, session).slice();
}
