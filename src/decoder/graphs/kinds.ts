// The kinds of TCP stream graph, as Wireshark's Statistics > TCP Stream Graphs
// names them. Lessons, /open/ and `wirebook lesson check` read this one list.

export const GRAPH_KINDS = ['tcptrace', 'stevens', 'throughput', 'rtt', 'window'] as const;

export type GraphKind = (typeof GRAPH_KINDS)[number];
