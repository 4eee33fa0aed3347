// The 16-bit words a UDP-over-IPv4 checksum adds up (RFC 768): a 12-byte
// pseudo-header (source and destination addresses, a zero byte, protocol 17,
// UDP length), the UDP header with its checksum field counted as zero, and the
// data, padded with a zero byte when its length is odd.

import { wordsOf } from './ones-complement.ts';

/** Which part of the sum a word belongs to. */
export type WordPart = 'pseudo' | 'header' | 'data';

/** What a word is; the calculator names it from the strings file. */
export type WordRole = 'srcHigh' | 'srcLow' | 'dstHigh' | 'dstLow' | 'protocol' | 'pseudoLength' | 'srcPort' | 'dstPort' | 'length' | 'checksum' | 'data';

export interface ChecksumWord {
  part: WordPart;
  role: WordRole;
  value: number;
  /** For header and data words: the offset of the word's first byte in the UDP datagram. */
  offset?: number;
  /** For the last data word of an odd-length datagram: its second byte is padding. */
  padded?: boolean;
}

export interface UdpChecksumInput {
  /** The IPv4 source and destination addresses, four bytes each. */
  src: Uint8Array;
  dst: Uint8Array;
  /** The UDP datagram: 8 bytes of header, then the data. */
  udp: Uint8Array;
}

const UDP_PROTOCOL = 17;

/** The words of the sum, in order, with the packet's checksum field replaced by zero. */
export function udpIpv4Words({ src, dst, udp }: UdpChecksumInput): ChecksumWord[] {
  const [s1, s2] = wordsOf(src.subarray(0, 4));
  const [d1, d2] = wordsOf(dst.subarray(0, 4));
  // RFC 768 puts the UDP length field in the pseudo-header.
  const length = udp.length >= 6 ? (udp[4] << 8) | udp[5] : udp.length;
  const words: ChecksumWord[] = [
    { part: 'pseudo', role: 'srcHigh', value: s1 },
    { part: 'pseudo', role: 'srcLow', value: s2 },
    { part: 'pseudo', role: 'dstHigh', value: d1 },
    { part: 'pseudo', role: 'dstLow', value: d2 },
    { part: 'pseudo', role: 'protocol', value: UDP_PROTOCOL },
    { part: 'pseudo', role: 'pseudoLength', value: length & 0xffff },
  ];
  const header = wordsOf(udp.subarray(0, 8));
  const roles: WordRole[] = ['srcPort', 'dstPort', 'length', 'checksum'];
  for (const [i, role] of roles.entries()) words.push({ part: 'header', role, value: role === 'checksum' ? 0 : (header[i] ?? 0), offset: i * 2 });
  const data = wordsOf(udp.subarray(8));
  data.forEach((value, i) => {
    const offset = 8 + i * 2;
    const word: ChecksumWord = { part: 'data', role: 'data', value, offset };
    if (offset + 1 >= udp.length) word.padded = true;
    words.push(word);
  });
  return words;
}

/** The checksum as the packet carries it (bytes 6 and 7 of the UDP header). */
export function checksumInPacket(udp: Uint8Array): number {
  return (udp[6] << 8) | udp[7];
}
