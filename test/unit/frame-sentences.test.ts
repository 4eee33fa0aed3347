// Every frame of the course's captures is said in words: a kind of its own
// (never the catch-all), and a first sentence that is not empty.
import { describe, expect, it } from 'vitest';
import { openCapture } from '../../src/decoder/open-capture.ts';
import { frameSentences } from '../../src/decoder/sentence/frame-sentence.ts';
import { sentenceLines } from '../../src/widgets/frame-panes/sentence-text.ts';
import { repositoryCaptures } from '../support/repository-captures.ts';

const course = repositoryCaptures().filter((c) => c.path.startsWith('captures/'));

describe('a sentence for every frame of the course’s captures', () => {
  it('finds the course’s captures', () => {
    expect(course.length).toBeGreaterThan(15);
  });

  for (const { path, bytes } of course) {
    it(path, () => {
      const capture = openCapture(bytes);
      const unsaid: string[] = [];
      for (let n = 1; n <= capture.frames.length; n++) {
        const sentences = frameSentences(capture, n);
        const [line] = sentenceLines(sentences);
        if (sentences[0].key === 'other' || !line) unsaid.push(`frame ${n}: ${sentences[0].key}`);
      }
      expect(unsaid).toEqual([]);
    });
  }
});
