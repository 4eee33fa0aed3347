// Hand-made Ethernet frames the recorded captures lack, with right checksums:
// an ICMPv6 neighbour solicitation and an ICMP port unreachable quoting a
// UDP datagram's header. Used by the rewriter's and the command's tests.
import { expectedChecksum, ipv6PseudoSum } from '../../decoder/checksum.ts';

export const hex = (s: string) =>
  Uint8Array.from(
    s
      .replace(/\s+/g, '')
      .match(/../g)!
      .map((h) => parseInt(h, 16)),
  );
export const setSum = (b: Uint8Array, at: number, v: number) => {
  b[at] = v >> 8;
  b[at + 1] = v & 0xff;
};

export function neighbourSolicitation(): Uint8Array {
  const f = hex(`
    3333ff000002 027700000001 86dd
    60000000 0020 3a ff
    fd770000000000000000000000000001
    ff0200000000000000000001ff000002
    87 00 0000 00000000
    fd770000000000000000000000000002
    01 01 027700000001`);
  setSum(f, 56, expectedChecksum(f, 54, f.length, 56, ipv6PseudoSum(f, 22, 38, 58, 32)));
  return f;
}

export function portUnreachable(): Uint8Array {
  const f = hex(`
    027700000001 027700000002 0800
    45000038 0000 0000 40 01 0000 0a4d0002 0a4d0001
    03 03 0000 00000000
    4500001d 1234 0000 40 11 0000 0a4d0001 0a4d0002
    a0b8 0035 0009 0000`);
  setSum(f, 14 + 28 + 10, expectedChecksum(f, 42, 62, 52));
  setSum(f, 24, expectedChecksum(f, 14, 34, 24));
  setSum(f, 36, expectedChecksum(f, 34, f.length, 36));
  return f;
}
