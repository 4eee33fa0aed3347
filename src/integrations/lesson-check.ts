// Runs the lesson checker before a build, so a broken lesson stops it with
// every problem as FILE:LINE: what is wrong, and what would fix it (the same
// report as `npx wirebook lesson check`).
import type { AstroIntegration } from 'astro';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkLesson } from '../cli/lesson-check/checks.ts';
import { diskWorld } from '../cli/lesson-check/disk-world.ts';

/** Every problem in lessons/*.mdx under root, as report lines. */
function lessonProblems(root: string): string[] {
  const world = diskWorld(root);
  const dir = join(root, 'lessons');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .flatMap((f) => checkLesson(readFileSync(join(dir, f), 'utf8'), world).map((p) => `lessons/${f}:${p.line}: ${p.message}`));
}

export default function lessonCheck(): AstroIntegration {
  return {
    name: 'wirebook-lesson-check',
    hooks: {
      'astro:build:start': ({ logger }) => {
        const problems = lessonProblems(process.cwd());
        if (problems.length) throw new Error(`the lessons have ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.join('\n')}`);
        logger.info('lessons checked: no problems');
      },
    },
  };
}
