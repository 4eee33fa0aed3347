// Public entry of the TCP/UDP conversation analysis (tshark -2 semantics).
export { createTcpAnalyzer, FAST_RETRANS_WINDOW_NS, OOO_DEFAULT_THRESHOLD_NS } from './tcp-analyzer.ts';
export type { TcpAnalyzer, AnalyzerState, FrameNote } from './tcp-analyzer.ts';
export { finishAnalysis, formatSeconds } from './analysis.ts';
export type { ConversationAnalysis, FrameExplanation, SegmentFacts, ReassembledPdu } from './analysis.ts';
export { followStream } from './follow.ts';
export { createAnalysisSessions, emitAnalysis, infoPrefix } from './session-adapter.ts';
export { tcpSegmentInput, udpDatagramInput } from './segment-input.ts';
export type { AnalysisSessions } from './session-adapter.ts';
export { EXPLAIN } from './explain.ts';
export { STATE_NAMES } from './conn-state.ts';
export * from './analysis-flags.ts';
export * from './types.ts';
