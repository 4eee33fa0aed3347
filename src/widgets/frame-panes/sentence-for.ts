// A frame's sentences in words, straight from an opened capture: for the
// lesson viewer (which holds the decoder in the page, loaded on demand) and
// its server render. The explorer gets the keys from its Worker instead.
import type { OpenedCapture } from '../../decoder/open-capture.ts';
import { frameSentences } from '../../decoder/sentence/frame-sentence.ts';
import { sentenceLines } from './sentence-text.ts';

export const sentenceLinesFor = (capture: OpenedCapture, n: number): string[] => sentenceLines(frameSentences(capture, n));
