// What a lesson may refer to, as the checker sees it: captures by id (opened
// on first use), glossary entries and header-diagram layers.
import type { GlossaryWords } from './glossary-use.ts';

export interface CaptureView {
  id: string;
  /** Number of frames. */
  count: number;
  /** Whether frame n has a field of that name. */
  hasField(frame: number, name: string): boolean;
  /** Whether frame n has a TCP segment. */
  hasTcp(frame: number): boolean;
  /** Number of TCP conversations (tcp.stream 0 to streams - 1). */
  streams: number;
  /** Number of UDP conversations (udp.stream 0 to udpStreams - 1). */
  udpStreams: number;
  /**
   * The number a question's key expects for frame n's field ("tcp.seq") under
   * that numbering, as the site resolves it; undefined when it cannot.
   */
  keyValue(frame: number, field: string, numbering: 'relative' | 'raw'): number | undefined;
}

export interface World {
  /** The capture with that id; undefined when there is no sidecar; a string when the file cannot be read. */
  capture(id: string): CaptureView | string | undefined;
  captureIds: readonly string[];
  glossaryIds: readonly string[];
  /** Each glossary entry's id, term and aliases, for the first-use check. */
  glossary: readonly GlossaryWords[];
  /** Layer names HeaderDiagram draws. */
  layers: readonly string[];
  /** Lesson ids (file names without their number), for links between lessons. */
  lessonIds: readonly string[];
}

export interface Problem {
  line: number;
  message: string;
}
