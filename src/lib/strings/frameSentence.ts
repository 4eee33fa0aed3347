// The door to the frame sentences' strings, in the site's language, and the
// one way to put a sentence the decoder named into words (a TCP analysis
// flag's explanation goes through the analysis door's explanationText).
import type { FrameSentence } from '../../decoder/sentence/sentence-types.ts';
import { frameSentence } from '../../../content/strings/en/frameSentence.ts';

type Say = (p: unknown) => string;
type KindSentence = Exclude<FrameSentence, { key: 'analysis' }>;

export const sentenceText = (s: KindSentence): string => (frameSentence[s.key] as Say)(s.params);
