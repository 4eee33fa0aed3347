// `wirebook lesson new NAME --capture FILE`: adds a contributed capture
// (captures/contributed/NAME.pcapng and its sidecar) and a starter lesson
// (lessons/NN-NAME.mdx) that reads it. Refuses damaged captures and never
// overwrites: when it refuses, nothing is written.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { convertToPcapng, readCapture } from '../../decoder/capture/index.ts';
import { openCapture } from '../../decoder/open-capture.ts';
import type { Parsed } from '../args.ts';
import type { Io } from '../command.ts';
import { EXIT_DAMAGED, EXIT_OK, EXIT_USAGE } from '../command.ts';
import { inspectCapture } from '../lesson-new/inspect.ts';
import { withGlossaryLinks, writeLesson } from '../lesson-new/write-lesson.ts';
import { glossaryWords } from '../lesson-check/disk-world.ts';
import { writeSidecar } from '../lesson-new/write-sidecar.ts';

export const LESSON_NEW_HELP = `usage: wirebook lesson new NAME --capture FILE [--title "..."] [--root DIR]

Add a contributed capture and a starter lesson that reads it:
  captures/contributed/NAME.pcapng  the capture (a pcap is converted to pcapng,
                                    so annotations can live in its comments)
  captures/contributed/NAME.yaml    its sidecar: title, source, hosts A and B
                                    (the main conversation's ends), what the
                                    decoder found; the licence is a placeholder
                                    that you must set
  lessons/NN-NAME.mdx               the lesson, numbered after the last one: a
                                    packet viewer, a sequence diagram of the
                                    main TCP conversation, frame links and a
                                    starter quiz whose answers come from the capture

NAME is lower-case words joined by "-" (it becomes the capture id and the
lesson's address). A damaged file or one that is not a capture is refused,
and nothing that exists is overwritten: in both cases nothing is written.
Run 'wirebook lesson check' on the result after editing it.

Options:
  --capture FILE   the pcap or pcapng file (required)
  --title TEXT     the lesson's and the capture's title
  --root DIR       the Wirebook repository (default: the current directory)
  -h, --help       this help

Exit status: 0 written, 1 the capture is damaged or not a capture, 2 usage
error, unreadable file, or a lesson or capture of that name exists.
`;

const NAME = /^[a-z0-9][a-z0-9-]*$/;

/** Every file under dir, recursively (none when dir is missing). */
function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

/** The next lesson number and order, after the highest ones in lessons/. */
function nextLessonPlace(lessonsDir: string): { number: number; order: number } {
  let number = 0;
  let order = 0;
  for (const path of filesUnder(lessonsDir).filter((p) => p.endsWith('.mdx'))) {
    const n = /^(\d+)-/.exec(basename(path))?.[1];
    if (n) number = Math.max(number, Number(n));
    const o = /^order:[ \t]*(\d+)/m.exec(readFileSync(path, 'utf8'))?.[1];
    if (o) order = Math.max(order, Number(o));
  }
  return { number: number + 1, order: order + 1 };
}

export function runLessonNew(args: Parsed, io: Io): number {
  const [, name, ...extra] = args.positionals;
  const fail = (message: string, code = EXIT_USAGE) => {
    io.err(`wirebook lesson new: ${message}`);
    return code;
  };
  if (!name || extra.length) return fail(name ? `one NAME, please (got ${1 + extra.length})` : 'no NAME given: wirebook lesson new NAME --capture FILE');
  if (!NAME.test(name)) return fail(`'${name}' is not a usable name: use lower-case letters, digits and "-", e.g. dhcp-lease`);
  const capturePath = args.options.capture;
  if (typeof capturePath !== 'string') return fail('no capture given: name it with --capture FILE.pcapng');
  const title = typeof args.options.title === 'string' && args.options.title.trim() ? args.options.title.trim() : `A contributed capture: ${name}`;
  const root = resolve(typeof args.options.root === 'string' ? args.options.root : '.');
  const rel = (p: string) => relative(process.cwd(), p) || p;

  // Refuse before anything is written.
  const lessonsDir = join(root, 'lessons');
  const contributed = join(root, 'captures', 'contributed');
  const clash =
    filesUnder(join(root, 'captures')).find((p) => basename(p) === `${name}.yaml` || p === join(contributed, `${name}.pcapng`)) ??
    filesUnder(lessonsDir).find((p) => new RegExp(`^(\\d+-)?${name}\\.mdx$`).test(basename(p)));
  if (clash) return fail(`${rel(clash)} exists: choose another NAME (nothing was written)`);

  let input: Uint8Array;
  try {
    input = new Uint8Array(readFileSync(capturePath));
  } catch (e) {
    return fail(`${capturePath}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  const index = readCapture(input);
  if (index.format === 'unknown') return fail(`${capturePath} is not a pcap or pcapng capture (nothing was written)`, EXIT_DAMAGED);
  if (index.error)
    return fail(
      `${capturePath} is damaged at byte ${index.error.offset}: ${index.error.message}. Repair it first, e.g. with 'editcap' or by recording again (nothing was written)`,
      EXIT_DAMAGED,
    );
  if (index.frames.length === 0) return fail(`${capturePath} holds no frames (nothing was written)`, EXIT_DAMAGED);

  const converted = index.format !== 'pcapng';
  const bytes = converted ? convertToPcapng(input, { userAppl: 'wirebook lesson new' }).bytes : input;
  const facts = inspectCapture(openCapture(bytes));
  const place = nextLessonPlace(lessonsDir);
  const lessonPath = join(lessonsDir, `${String(place.number).padStart(2, '0')}-${name}.mdx`);
  const capturePathOut = join(contributed, `${name}.pcapng`);
  const sidecarPath = join(contributed, `${name}.yaml`);
  const lesson = withGlossaryLinks(writeLesson({ name, title, order: place.order, facts }), glossaryWords(root));
  const sidecar = writeSidecar({ name, title, origin: basename(capturePath), converted, facts });

  try {
    mkdirSync(contributed, { recursive: true });
    mkdirSync(lessonsDir, { recursive: true });
    // 'wx': fail rather than overwrite, should a file appear meanwhile.
    writeFileSync(capturePathOut, bytes, { flag: 'wx' });
    writeFileSync(sidecarPath, sidecar, { flag: 'wx' });
    writeFileSync(lessonPath, lesson, { flag: 'wx' });
  } catch (e) {
    return fail((e as Error).message);
  }
  io.out.write(`${rel(capturePathOut)}: ${facts.frameCount} frames${converted ? ' (converted from pcap)' : ''}\n`);
  io.out.write(`${rel(sidecarPath)}: ${facts.protocols.join(', ')}; hosts A ${facts.hostA}, B ${facts.hostB}\n`);
  io.out.write(`${rel(lessonPath)}: order ${place.order}${facts.tcp ? `, sequence diagram of TCP stream ${facts.tcp.stream}` : ', no TCP conversation'}\n`);
  io.err(`next: set the licence in ${rel(sidecarPath)}, rewrite the lesson, then run 'wirebook lesson check ${rel(lessonPath)}'`);
  return EXIT_OK;
}
