// Internet checksum (RFC 1071) and the pseudo-headers UDP, TCP and ICMPv6 add
// in front of their segment (RFC 768, RFC 9293, RFC 8200 section 8.1).

/** Wireshark's checksum status numbers (`*.checksum.status`). */
export const CHECKSUM_BAD = 0;
export const CHECKSUM_GOOD = 1;
export const CHECKSUM_UNVERIFIED = 2;
export const CHECKSUM_NOT_PRESENT = 3;
export const CHECKSUM_ILLEGAL = 4;

export const CHECKSUM_STATUS: Readonly<Record<number, string>> = {
  0: 'Bad',
  1: 'Good',
  2: 'Unverified',
  3: 'Not present',
  4: 'Illegal',
};

/** One's-complement sum of 16-bit big-endian words, folded; an odd last byte is padded with zero. */
export function onesSum(data: Uint8Array, from: number, to: number, initial = 0): number {
  let sum = initial;
  let i = from;
  for (; i + 1 < to; i += 2) sum += (data[i] << 8) | data[i + 1];
  if (i < to) sum += data[i] << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + Math.floor(sum / 0x10000);
  return sum;
}

/** Sum of the IPv4 pseudo-header: addresses, protocol, upper-layer length. */
export function ipv4PseudoSum(src: number, dst: number, proto: number, length: number): number {
  return (src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff) + proto + length;
}

/** Sum of the IPv6 pseudo-header; addresses are read from `data` at the given offsets. */
export function ipv6PseudoSum(data: Uint8Array, srcAt: number, dstAt: number, nextHeader: number, length: number): number {
  return ipv6PseudoSumOf(data.subarray(srcAt, srcAt + 16), data.subarray(dstAt, dstAt + 16), nextHeader, length);
}

/** The same from the two 16-byte addresses (a reassembled datagram's transport is not in the frame holding them). */
export function ipv6PseudoSumOf(src: Uint8Array, dst: Uint8Array, nextHeader: number, length: number): number {
  let sum = onesSum(src, 0, 16) + onesSum(dst, 0, 16);
  sum += Math.floor(length / 0x10000) + (length & 0xffff) + nextHeader;
  return sum;
}

/**
 * The checksum field's correct value: the complement of the sum over the bytes
 * with the checksum field itself counted as zero.
 */
export function expectedChecksum(data: Uint8Array, from: number, to: number, fieldAt: number, pseudo = 0): number {
  let sum = onesSum(data, from, to, pseudo);
  // Take the stored field back out of the sum (one's-complement subtraction).
  const stored = (data[fieldAt] << 8) | data[fieldAt + 1];
  sum += 0xffff - stored;
  while (sum > 0xffff) sum = (sum & 0xffff) + Math.floor(sum / 0x10000);
  return ~sum & 0xffff;
}

/** True when the bytes (checksum field included) sum to all ones. */
export function checksumOk(data: Uint8Array, from: number, to: number, pseudo = 0): boolean {
  return onesSum(data, from, to, pseudo) === 0xffff;
}
