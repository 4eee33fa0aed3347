// The words of a frame's sentences: what the frame is (frameSentence door),
// then its TCP analysis flags (analysis door). The decoder names them by key;
// a UDP port's registered service comes from the course's services table.
import type { FrameSentence } from '../../decoder/sentence/sentence-types.ts';
import { explanationText } from '../../lib/strings/analysis.ts';
import { sentenceText } from '../../lib/strings/frameSentence.ts';
import { udpService } from './udp-service.ts';

export function sentenceLines(sentences: readonly FrameSentence[]): string[] {
  return sentences.map((s) => {
    if (s.key === 'analysis') return explanationText(s.params);
    if (s.key === 'udp') return sentenceText({ key: 'udp', params: { ...s.params, service: udpService(s.params.srcPort, s.params.dstPort) } });
    return sentenceText(s);
  });
}
