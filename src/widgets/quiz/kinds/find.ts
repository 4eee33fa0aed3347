// Find a field: answered by a selection in the packet viewer or header
// diagram (the page's shared selection bus), or by choosing from the list.
import { quiz } from '../../../lib/strings/quiz.ts';
import { checkFound } from '../check.ts';
import { selectionFor, type Selection } from '../../shared/selection.ts';
import type { KindFactory } from './kind.ts';

interface FindKey {
  frame: number;
  field: string;
  offset: number;
  length: number;
  /** [name, label, offset, length] of every field of the layer. */
  fields: Array<[string, string, number, number]>;
}

type Found = { via: 'list'; field: string } | ({ via: 'viewer' } & Selection);

export const find: KindFactory = ({ root, key, capture }) => {
  const k = key as FindKey;
  const list = root.querySelector<HTMLSelectElement>('[data-list]')!;
  const output = root.querySelector<HTMLOutputElement>('[data-current]')!;
  const line = root.querySelector<HTMLElement>('[data-current-line]')!;
  let last: Found | undefined;
  const labelOf = (name: string) => k.fields.find((f) => f[0] === name)?.[1];
  const describe = (f: Found): string => {
    if (f.via === 'list') return `${labelOf(f.field) ?? f.field} (${f.field})`;
    const where = f.field ? `${labelOf(f.field) ?? f.field} (${f.field})` : '';
    const bytes = f.offset !== undefined && f.length ? quiz.find.bytes(f.offset, f.length) : '';
    return [where, bytes, `frame ${f.frame}`].filter(Boolean).join(', ');
  };
  const show = (f: Found) => {
    last = f;
    line.hidden = false;
    output.textContent = describe(f);
  };
  list.addEventListener('change', () => {
    if (list.value) show({ via: 'list', field: list.value });
  });
  if (capture) {
    selectionFor(capture).subscribe((s, source) => {
      // A frame alone is not an answer: wait for a field or bytes.
      if (source !== root && (s.field || s.length)) {
        list.value = '';
        show({ via: 'viewer', ...s });
      }
    });
  }
  return {
    read() {
      return last ? { answer: last } : { missing: quiz.chooseFirst };
    },
    judge(answer) {
      const a = answer as Found;
      const ok = a.via === 'list' ? a.field === k.field : checkFound(a, k);
      if (ok) return { correct: true };
      if (a.via === 'viewer' && a.frame !== k.frame) return { correct: false, why: quiz.find.otherFrame(a.frame) };
      return { correct: false, why: quiz.find.youChose(describe(a)) };
    },
    restore(answer) {
      const a = answer as Found;
      if (a.via === 'list') list.value = a.field;
      show(a);
    },
  };
};
