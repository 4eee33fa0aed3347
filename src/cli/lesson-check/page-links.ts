// The page-link check: a Markdown link from a lesson to another page of the
// site is written relative ("../tcp-handshake/"), so it works whether the site
// is served at / or under a base path such as /wirebook/, and a link to
// another lesson names one that exists. Pure.
import { nearestName } from '../../decoder/text/nearest.ts';
import type { Problem } from './world.ts';

/** A Markdown link's target: [text](target). Inline code and fenced code are blanked first. */
const LINK = /\]\(([^)\s]+)\)/g;

/** Keeps a string's length and line breaks, blanks every other character. */
const blank = (s: string): string => s.replace(/[^\n]/g, ' ');

export function pageLinkProblems(text: string, lessonIds: readonly string[]): Problem[] {
  const code = text.replace(/^(```|~~~)[\s\S]*?^\1.*$/gm, blank).replace(/`[^`\n]*`/g, blank);
  const problems: Problem[] = [];
  const lineAt = (index: number) => code.slice(0, index).split('\n').length;
  for (const m of code.matchAll(LINK)) {
    const target = m[1];
    const line = lineAt(m.index);
    if (/^\/(?!\/)/.test(target)) {
      const lesson = /^\/lessons\/([^/#]+)/.exec(target)?.[1];
      const relative = lesson ? `../${target.slice('/lessons/'.length)}` : `../..${target}`;
      problems.push({
        line,
        message: `link to "${target}" starts at the site's root, so it breaks when the site is served under a base path: write it relative, as ${relative}.`,
      });
      continue;
    }
    const lesson = /^\.\.\/([^/#]+)\/?(#.*)?$/.exec(target)?.[1];
    if (lesson !== undefined && !lessonIds.includes(lesson)) {
      const near = nearestName(lesson, lessonIds);
      problems.push({
        line,
        message: `link to "${target}": there is no lesson "${lesson}".${near ? ` Did you mean "../${near}/"?` : ''} Lesson links are ../ID/, the file name without its number.`,
      });
    }
  }
  return problems;
}
