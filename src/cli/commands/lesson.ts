// `wirebook lesson check [FILE...]`: checks lessons against their captures,
// the glossary and the components' rules, and reports every problem at once
// as FILE:LINE: what is wrong, and what would fix it.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { checkLesson } from '../lesson-check/checks.ts';
import { diskWorld } from '../lesson-check/disk-world.ts';
import type { Command, Io } from '../command.ts';
import { EXIT_OK, EXIT_USAGE } from '../command.ts';

/** A lesson has problems. */
const EXIT_PROBLEMS = 1;

const HELP = `usage: wirebook lesson check [FILE.mdx ...] [--root DIR]

Check lessons (all of lessons/*.mdx when no file is named): front matter,
imports, the captures, frames and fields that widgets, frame links and quiz
questions refer to, glossary terms, question ids, and that each glossary
term (or alias) is linked with <Term id="..."> at its first use in the prose
(code, headings, front matter and component props do not count). Every
problem is printed as
  lessons/NAME.mdx:LINE: what is wrong, and what would fix it

Options:
  --root DIR   the Wirebook repository (default: the current directory)
  -h, --help   this help

Exit status: 0 no problems, 1 problems found, 2 usage error or unreadable file.
`;

export const lessonCommand: Command = {
  name: 'lesson',
  summary: 'lesson check [FILE...]: check lessons against their captures, report FILE:LINE problems',
  help: HELP,
  options: [{ name: 'root', value: true }],
  run(args, io: Io): number {
    const [sub, ...files] = args.positionals;
    if (sub !== 'check') {
      io.err(sub ? `wirebook lesson: unknown subcommand '${sub}'` : 'wirebook lesson: no subcommand given');
      io.err('hint: wirebook lesson check [FILE.mdx ...]');
      return EXIT_USAGE;
    }
    const root = resolve(typeof args.options.root === 'string' ? args.options.root : '.');
    let paths = files.map((f) => resolve(f));
    if (paths.length === 0) {
      try {
        paths = readdirSync(join(root, 'lessons'))
          .filter((f) => f.endsWith('.mdx'))
          .sort()
          .map((f) => join(root, 'lessons', f));
      } catch {
        io.err(`wirebook lesson check: ${join(root, 'lessons')}: no such folder (run it in the repository, or give --root)`);
        return EXIT_USAGE;
      }
    }
    const world = diskWorld(root);
    let count = 0;
    for (const path of paths) {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        io.err(`wirebook: ${relative(process.cwd(), path) || path}: no such file`);
        return EXIT_USAGE;
      }
      const name = relative(root, path);
      for (const p of checkLesson(text, world)) {
        io.out.write(`${name}:${p.line}: ${p.message}\n`);
        count++;
      }
    }
    if (count > 0) {
      io.err(`${count} problem${count === 1 ? '' : 's'} in ${paths.length} lesson${paths.length === 1 ? '' : 's'}`);
      return EXIT_PROBLEMS;
    }
    io.err(`${paths.length} lesson${paths.length === 1 ? '' : 's'} checked: no problems`);
    return EXIT_OK;
  },
};
