// What a frame's sentence reads: the dissection of any frame and the
// conversation analysis (an OpenedCapture has both).
import type { OpenedCapture } from '../open-capture.ts';

export type SentenceCapture = Pick<OpenedCapture, 'dissect' | 'analysis' | 'tcpSegment'>;
