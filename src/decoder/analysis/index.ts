// Public entry of the TCP/UDP conversation analysis (tshark -2 semantics).
export type { ConversationAnalysis } from './analysis.ts';
export * from './analysis-flags.ts';
export * from './types.ts';
