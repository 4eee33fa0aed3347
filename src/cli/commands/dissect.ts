// `wirebook dissect FILE [--frame N] [--json]`: the packet-details tree of
// every frame (or one), as indented text like `tshark -V`, or as JSON.

import { createCaptureStream } from '../../decoder/capture/index.ts';
import { compileWanted, createExtractor, dissectFrame } from '../../decoder/dissect.ts';
import type { DissectedFrame } from '../../decoder/dissect.ts';
import type { CaptureError, FrameRecord } from '../../decoder/types.ts';
import type { Command, Io } from '../command.ts';
import { EXIT_USAGE } from '../command.ts';
import { openCapture, reportDamage } from '../capture-file.ts';
import { bytesChunks } from '../input.ts';
import type { ChunkSource } from '../input.ts';
import { createSession } from '../session.ts';
import { interfaceName } from './fields.ts';
import { treeJson } from '../tree-json.ts';
import { treeText } from '../tree-text.ts';

export interface DissectRunOptions {
  /** Only this frame (1-based); earlier frames are still read, for the analysis. */
  frame?: number;
  json?: boolean;
  /** Checked after each chunk: true stops reading (the reader of the output went away). */
  stop?: () => boolean;
}

export interface DissectRunResult {
  /** Frames printed. */
  frames: number;
  /** Frames in the file (up to the damage, or up to --frame). */
  seen: number;
  error?: CaptureError;
}

/**
 * Calls `each` with every frame's dissection, in order, with analysis state
 * carried from frame to frame. Stops after frame `last` when given.
 */
export function dissectAll(
  source: ChunkSource,
  each: (record: FrameRecord, frame: DissectedFrame) => void,
  last?: number,
  stop?: () => boolean,
): { seen: number; error?: CaptureError } {
  // First pass: the conversation analysis sees every frame (as tshark -2).
  const session = createSession();
  const scan = createExtractor(compileWanted([]));
  const pass1 = createCaptureStream();
  for (const chunk of source()) {
    pass1.pushEach(chunk, (record, data) => {
      if (!session.walk(record, data)) scan(record, data, session);
    });
    if (pass1.error) break;
  }
  session.rewind();

  const stream = createCaptureStream();
  let first: bigint | undefined;
  let prev: bigint | undefined;
  let seen = 0;
  let done = false;
  const sink = (record: FrameRecord, data: Uint8Array) => {
    if (done) return;
    first ??= record.timestamp;
    const d = dissectFrame(record, data, {
      interfaceName: interfaceName(stream.format, stream.interfaces, record.interfaceId),
      interfaceDescription: stream.interfaces[record.interfaceId]?.description,
      firstTimestamp: first,
      previousTimestamp: prev ?? record.timestamp,
      session,
    });
    prev = record.timestamp;
    seen++;
    each(record, d);
    if (last !== undefined && record.number >= last) done = true;
  };
  for (const chunk of source()) {
    stream.pushEach(chunk, sink);
    if (stop?.()) done = true;
    if (done || stream.error) break;
  }
  const error = done ? undefined : stream.end();
  return error ? { seen, error } : { seen };
}

/** The core of `wirebook dissect`, callable in-process. */
export function runDissect(input: Uint8Array | ChunkSource, write: (text: string) => void, opts: DissectRunOptions = {}): DissectRunResult {
  const source = input instanceof Uint8Array ? bytesChunks(input) : input;
  let frames = 0;
  if (opts.json) write('[');
  const { seen, error } = dissectAll(
    source,
    (record, d) => {
      if (opts.frame !== undefined && record.number !== opts.frame) return;
      if (opts.json) {
        const item = {
          number: record.number,
          protocols: d.protocols,
          columns: d.columns,
          malformed: d.malformed,
          tree: treeJson(d.tree),
        };
        write((frames ? ',\n' : '\n') + JSON.stringify(item));
      } else {
        write((frames ? '\n' : '') + treeText(d.tree).join('\n') + '\n');
      }
      frames++;
    },
    opts.frame,
    opts.stop,
  );
  if (opts.json) write(frames ? '\n]\n' : ']\n');
  const result: DissectRunResult = { frames, seen };
  if (error) result.error = error;
  return result;
}

const HELP = `usage: wirebook dissect FILE [--frame N] [--json]

Print the packet-details tree of every frame, as \`tshark -V\` does: one line
per field, each protocol's fields indented under it, a blank line between
frames.

Options:
  -f, --frame N   only frame N (numbered from 1, as Wireshark does)
  -j, --json      JSON instead of text: an array of frames, each with its
                  number, protocols, columns and tree of fields (name, label,
                  offset, length, value, display, show, children)
  -h, --help      this help

Example:
  wirebook dissect capture.pcapng --frame 3
`;

export const dissectCommand: Command = {
  name: 'dissect',
  summary: 'print the packet-details tree of each frame (like tshark -V), or JSON',
  help: HELP,
  options: [
    { name: 'frame', short: 'f', value: true },
    { name: 'json', short: 'j' },
  ],
  run(args, io: Io): number {
    if (args.positionals.length !== 1) {
      io.err(
        args.positionals.length ? `wirebook dissect: one capture file, please (got ${args.positionals.length})` : 'wirebook dissect: no capture file given',
      );
      io.err("hint: run 'wirebook dissect --help' for usage");
      return EXIT_USAGE;
    }
    let frame: number | undefined;
    if (args.options.frame !== undefined) {
      const text = String(args.options.frame);
      frame = Number(text);
      if (!/^\d+$/.test(text) || frame < 1) {
        io.err(`wirebook dissect: --frame needs a frame number (1, 2, ...), not '${text}'`);
        return EXIT_USAGE;
      }
    }
    const path = args.positionals[0];
    const source = openCapture(path, io);
    if (typeof source === 'number') return source;
    const result = runDissect(source, (t) => io.out.write(t), {
      frame,
      json: args.options.json === true,
      stop: () => io.out.closed,
    });
    io.out.flush();
    if (result.error) return reportDamage(path, result.error, io);
    if (frame !== undefined && result.frames === 0) {
      io.err(`wirebook dissect: ${path} has ${result.seen} frame(s); there is no frame ${frame}`);
      return EXIT_USAGE;
    }
    return 0;
  },
};
