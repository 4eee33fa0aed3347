// The door to the analysis explanations' strings, in the site's language, and
// the one way to put an explanation the decoder named into words.
import type { Explanation } from '../../decoder/analysis/explain.ts';
import { analysis } from '../../../content/strings/en/analysis.ts';

export const explanationText = (e: Explanation): string => analysis[e.key](e.params);
