// The questions a lesson asks, read from its MDX source: the progress page
// lists them (and which are still open) without rendering the lessons.

/** The quiz components that ask a question; each carries an id. */
export const QUESTION_TAGS = ['Choice', 'Answer', 'Predict', 'FindField', 'Order'] as const;

const TAG = new RegExp(`<(${QUESTION_TAGS.join('|')})\\b([^>]*?)\\/?>`, 'gs');
const ID = /\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})/;

export interface QuestionRef {
  id: string;
  kind: (typeof QUESTION_TAGS)[number];
  /** The start of the question's text, for lists (may be empty). */
  prompt: string;
}

const QUESTION_PROP = /\bquestion\s*=\s*(?:"([^"]*)"|'([^']*)')/;

/** The first line of prose after the opening tag, without markdown marks. */
function promptAfter(text: string, from: number): string {
  const rest = text.slice(from).replace(/^\s+/, '');
  const line = /^[^<\n]*(?:\n(?!\s*\n)[^<\n]*)*/.exec(rest)?.[0] ?? '';
  return line.replace(/[`*_]/g, '').replace(/\s+/g, ' ').trim();
}

/** Question ids in source order, skipping fenced code (examples of authoring). */
export function questionsIn(mdx: string): QuestionRef[] {
  const text = mdx.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  const out: QuestionRef[] = [];
  for (const m of text.matchAll(TAG)) {
    const id = ID.exec(m[2]);
    const value = id && (id[1] ?? id[2] ?? id[3]);
    if (!value) continue;
    const prop = QUESTION_PROP.exec(m[2]);
    const selfClosing = m[0].endsWith('/>');
    const prompt = prop ? (prop[1] ?? prop[2]) : selfClosing ? '' : promptAfter(text, (m.index ?? 0) + m[0].length);
    out.push({ id: value, kind: m[1] as QuestionRef['kind'], prompt });
  }
  return out;
}
