// TCP's flag bits (RFC 9293 3.1, with RFC 3168's ECN bits and Accurate ECN's AE), part of the TCP table
// (tcp.ts re-exports them): in a file of their own, which imports nothing, so a
// page's script can name a flag without loading the TCP layer.

/** Flag bits of the 12-bit flags field. */
export const TCP_FLAG = {
  FIN: 0x001,
  SYN: 0x002,
  RST: 0x004,
  PSH: 0x008,
  ACK: 0x010,
  URG: 0x020,
  ECE: 0x040,
  CWR: 0x080,
  AE: 0x100,
  /** The three reserved bits. */
  RES: 0xe00,
} as const;
