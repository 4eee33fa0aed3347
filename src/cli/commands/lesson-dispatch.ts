// `wirebook lesson check|new`: the lesson command with its two subcommands.
// `check` is lesson.ts, `new` is lesson-new.ts; this file only dispatches.
import type { Command, Io } from '../command.ts';
import { EXIT_USAGE } from '../command.ts';
import { lessonCommand as lessonCheck } from './lesson.ts';
import { LESSON_NEW_HELP, runLessonNew } from './lesson-new.ts';

export const lessonCommand: Command = {
  name: 'lesson',
  summary: 'lesson check [FILE...] | new NAME --capture FILE: check lessons, or start one from a capture',
  help: `${lessonCheck.help}\n${LESSON_NEW_HELP}`,
  options: [
    { name: 'root', value: true },
    { name: 'capture', value: true },
    { name: 'title', value: true },
  ],
  run(args, io: Io): number {
    const sub = args.positionals[0];
    if (sub === 'new') return runLessonNew(args, io);
    if (sub === 'check') {
      for (const o of ['capture', 'title']) {
        if (args.options[o] !== undefined) {
          io.err(`wirebook lesson check: --${o} belongs to 'lesson new'`);
          return EXIT_USAGE;
        }
      }
      return lessonCheck.run(args, io);
    }
    io.err(sub ? `wirebook lesson: unknown subcommand '${sub}'` : 'wirebook lesson: no subcommand given');
    io.err('hint: wirebook lesson check [FILE.mdx ...], or wirebook lesson new NAME --capture FILE');
    return EXIT_USAGE;
  },
};
