// The words of a frame's sentences: what the frame is (frameSentence door),
// then its TCP analysis flags (analysis door). The decoder names them by key.
import type { FrameSentence } from '../../decoder/sentence/sentence-types.ts';
import { explanationText } from '../../lib/strings/analysis.ts';
import { sentenceText } from '../../lib/strings/frameSentence.ts';

export function sentenceLines(sentences: readonly FrameSentence[]): string[] {
  return sentences.map((s) => (s.key === 'analysis' ? explanationText(s.params) : sentenceText(s)));
}
