// `wirebook fields -e FIELD... FILE`: one line per frame with the named
// fields, like `tshark -T fields -E header=y -E occurrence=a -E aggregator=,`.
// The file is read in chunks and the output written in large blocks, so a
// capture of any size runs in constant memory.

import { createCaptureStream } from '../../decoder/capture/index.ts';
import type { CaptureFormat, InterfaceInfo } from '../../decoder/capture/index.ts';
import { compileWanted, createExtractor, isPayloadField } from '../../decoder/dissect.ts';
import { knownNames } from '../../decoder/field-registry.ts';
import { COLUMN_FIELDS } from '../../decoder/fields/columns.ts';
import type { CaptureError, FrameRecord } from '../../decoder/types.ts';
import { nearest } from '../args.ts';
import type { Command, Io } from '../command.ts';
import { EXIT_USAGE } from '../command.ts';
import { openCapture, reportDamage } from '../capture-file.ts';
import { bytesChunks } from '../input.ts';
import type { ChunkSource } from '../input.ts';
import { collectGarbage } from '../gc.ts';
import { createSession, needsAnalysis, needsPayloads, readableInOnePass, scalesSettle } from '../session.ts';
import { FIRST_PASS_FIELDS } from '../../decoder/open-capture.ts';
import { LineSink } from '../../decoder/fields/line-sink.ts';

export interface FieldsOptions {
  /**
   * Two passes, like `tshark -2`: the first reads every frame so that fields
   * naming later frames (dns.response_in, tcp.reassembled_in) are known when
   * the second pass prints.
   */
  twoPass?: boolean;
  /** Checked after each chunk: true stops reading (the reader of the output went away). */
  stop?: () => boolean;
  /** Takes the frame lines as UTF-8 bytes (copied before it returns) instead of as text through `write`. */
  writeBytes?: (bytes: Uint8Array) => void;
  /** false: every frame through the layers, none on the plain-frame fast path (tests compare the two). */
  plain?: boolean;
  /** Whether the analysis reads payloads; by default, only when a field asked may depend on one (tests force it on). */
  readPayloads?: boolean;
}

export interface FieldsResult {
  /** Frames printed. */
  frames: number;
  /** The damage that stopped reading, if any (frames before it were printed). */
  error?: CaptureError;
  /** Field names no layer defines; nothing is printed when there are any. */
  unknown: string[];
}

/** Frame lines are handed out in blocks of this many bytes. */
const BLOCK = 1 << 16;

/** Every name `-e` takes (for "did you mean" hints): the registry's fields and protocols, and the columns. */
export function knownFieldNames(): string[] {
  return [...knownNames(), ...Object.keys(COLUMN_FIELDS)];
}

/**
 * frame.interface_name as Wireshark gives it: the pcapng if_name, "unknown"
 * for a pcapng interface without one, nothing for pcap (which has no interfaces).
 */
export function interfaceName(format: CaptureFormat, interfaces: readonly InterfaceInfo[], id: number): string | undefined {
  if (format !== 'pcapng') return undefined;
  return interfaces[id]?.name ?? 'unknown';
}

/** One pass over the capture: `each` sees every frame in order; returns the damage, if any. */
function readFrames(
  source: ChunkSource,
  each: (record: FrameRecord, data: Uint8Array, format: CaptureFormat, interfaces: readonly InterfaceInfo[]) => void,
  afterChunk?: () => boolean | void,
): CaptureError | undefined {
  const stream = createCaptureStream();
  const sink = (record: FrameRecord, data: Uint8Array) => each(record, data, stream.format, stream.interfaces);
  for (const chunk of source()) {
    stream.pushEach(chunk, sink);
    if (afterChunk?.() === true) return undefined;
    if (stream.error) break;
  }
  return stream.end();
}

/**
 * The core of `wirebook fields`, callable in-process: reads the capture
 * (bytes in memory, or a re-readable source of chunks), and calls `write`
 * with the header line and then blocks of frame lines, each line ending in
 * "\n". Never throws on bad input.
 */
export function runFields(
  input: Uint8Array | ChunkSource,
  fieldNames: readonly string[],
  write: (text: string) => void,
  opts: FieldsOptions = {},
): FieldsResult {
  const source = input instanceof Uint8Array ? bytesChunks(input) : input;
  const wanted = compileWanted(fieldNames);
  if (wanted.unknown.length) return { frames: 0, unknown: [...wanted.unknown] };

  // The conversation analysis needs every frame before it can answer most
  // fields, so a field list that uses one of those is read twice (as `tshark
  // -2` does). Fields a frame keeps from the moment it is analysed are
  // answered in one pass, unless a frame's answer turns out to be still open.
  const analysed = opts.twoPass || fieldNames.some(needsAnalysis);
  const live =
    analysed &&
    !opts.twoPass &&
    (readableInOnePass(fieldNames, isPayloadField) || (readableInOnePass(fieldNames, isPayloadField, true) && scalesSettle(source)));
  // No heuristic or reassembly work for a list that no payload decides.
  const payloads = opts.readPayloads ?? fieldNames.some((n) => needsPayloads(n, isPayloadField));
  const session = analysed ? createSession({ live, payloads }) : undefined;
  const first = session ? createExtractor(compileWanted(FIRST_PASS_FIELDS)) : undefined;
  /** A frame of the first pass: analysed, not printed. */
  const analyse = (record: FrameRecord, data: Uint8Array): void => {
    if (!session!.walk(record, data)) first!(record, data, session);
  };
  if (session && !live) {
    readFrames(source, analyse);
    session.rewind();
    collectGarbage();
  }

  write(fieldNames.join('\t') + '\n');
  // Frame lines are written as bytes into one block, handed out when full.
  const text = new TextDecoder();
  const writeBytes = opts.writeBytes ?? ((b: Uint8Array) => write(text.decode(b)));
  const block = new Uint8Array(BLOCK);
  let used = 0;
  const flush = () => {
    if (used > 0) writeBytes(block.subarray(0, used));
    used = 0;
  };
  const sink = new LineSink(wanted);
  let extract: ReturnType<typeof createExtractor> | undefined;
  let frames = 0;
  // Only a live pass can stop at a frame (a per-frame getter call saved in two passes).
  const liveSession = live ? session : undefined;
  /** Prints frames from number `from` on (the frames before were printed by the live pass). */
  const print = (from: number) => (record: FrameRecord, data: Uint8Array, format: CaptureFormat, interfaces: readonly InterfaceInfo[]) => {
    if (record.number < from) {
      extract?.skip(record);
      return;
    }
    if (liveSession?.unsettled && liveSession.unsettled <= record.number && from === 0) {
      analyse(record, data);
      return;
    }
    // Built at the first frame: the interface list is known by then.
    extract ??= createExtractor(wanted, { interfaceName: interfaceName(format, interfaces, record.interfaceId), plain: opts.plain }, sink);
    extract(record, data, session);
    // The live pass stopped at this frame: its line waits for the second pass.
    if (liveSession?.unsettled === record.number && from === 0) return;
    let end = sink.line(block, used);
    if (end < 0) {
      flush();
      end = sink.line(block, 0);
      if (end < 0) {
        // A line longer than the block: its own buffer.
        const own = new Uint8Array(sink.lineLength());
        writeBytes(own.subarray(0, sink.line(own, 0)));
        end = 0;
      }
    }
    used = end;
    frames++;
  };
  const stop = () => opts.stop?.() === true;
  let error = readFrames(source, print(0), stop);
  if (session?.unsettled) {
    const from = session.unsettled;
    session.rewind();
    collectGarbage();
    error = readFrames(source, print(from), stop);
  }
  flush();
  const result: FieldsResult = { frames, unknown: [] };
  if (error) result.error = error;
  return result;
}

const HELP = `usage: wirebook fields [-2] -e FIELD [-e FIELD]... FILE

Print the named fields of every frame, like
  tshark -r FILE -T fields -E header=y -E occurrence=a -E aggregator=, -e FIELD...

A header line names the fields; then one line per frame, fields separated by
tabs, empty where the frame has none, several occurrences joined by commas.
Field names are Wireshark's display-filter names (ip.src, tcp.flags.syn,
dns.qry.name, _ws.col.Info...).

Options:
  -e, --field FIELD   a field to print (repeatable; order is kept)
  -2, --two-pass      read the file twice, like tshark -2. Fields of the
                      TCP/UDP analysis that a later frame can change
                      (tcp.completeness, tcp.reassembled_in, tcp.window_size,
                      _ws.col.Info...) always get two passes; the others
                      (tcp.stream, tcp.seq, tcp.analysis.ack_rtt...) get one
                      when every conversation's handshake was captured
  -h, --help          this help

Example:
  wirebook fields -e frame.number -e ip.src -e tcp.srcport capture.pcapng
`;

export const fieldsCommand: Command = {
  name: 'fields',
  summary: 'print chosen fields of every frame as tab-separated columns (like tshark -T fields)',
  help: HELP,
  options: [
    { name: 'field', short: 'e', value: true, repeat: true },
    { name: 'two-pass', short: '2' },
  ],
  run(args, io: Io): number {
    const fields = (args.options.field as string[] | undefined) ?? [];
    if (args.positionals.length !== 1) {
      io.err(args.positionals.length ? `wirebook fields: one capture file, please (got ${args.positionals.length})` : 'wirebook fields: no capture file given');
      io.err("hint: run 'wirebook fields --help' for usage");
      return EXIT_USAGE;
    }
    if (!fields.length) {
      io.err('wirebook fields: no fields given: name at least one with -e FIELD');
      io.err("hint: e.g. 'wirebook fields -e frame.number -e ip.src FILE'");
      return EXIT_USAGE;
    }
    const path = args.positionals[0];
    const compiled = compileWanted(fields);
    if (compiled.unknown.length) {
      const known = knownFieldNames();
      for (const name of compiled.unknown) {
        const guess = nearest(name, known);
        io.err(`wirebook fields: unknown field '${name}'${guess ? ` (did you mean '${guess}'?)` : ''}`);
      }
      return EXIT_USAGE;
    }
    // Each frame becomes text before the next chunk is read: one buffer will do.
    const source = openCapture(path, io, true);
    if (typeof source === 'number') return source;
    const result = runFields(source, fields, (text) => io.out.write(text), {
      writeBytes: (bytes) => io.out.writeBytes(bytes),
      twoPass: args.options['two-pass'] === true,
      stop: () => io.out.closed,
    });
    io.out.flush();
    return reportDamage(path, result.error, io);
  },
};
