// The frame rewriter on hand-made frames the recorded captures lack: ICMPv6
// neighbour solicitation (target address, link-layer option) and an ICMP
// error quoting the header of the datagram it is about.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checksumOk, expectedChecksum, ipv4PseudoSum, ipv6PseudoSum } from '../../decoder/checksum.ts';
import { hex, neighbourSolicitation, portUnreachable, setSum } from './testkit.ts';
import { createAddressMap, ipv4Text, ipv6Text, macText } from './address-map.ts';
import { rewriteFrame } from './rewrite.ts';

const hash = (t: string) => new Uint8Array(createHash('sha256').update(`test key ${t}`).digest());
describe('rewriteFrame', () => {
  it('replaces the target and link-layer option of a neighbour solicitation, keeping its checksum right', () => {
    const map = createAddressMap(hash);
    const input = neighbourSolicitation();
    expect(checksumOk(input, 54, input.length, ipv6PseudoSum(input, 22, 38, 58, 32))).toBe(true);
    const { data, changed } = rewriteFrame(input, 1, map);
    expect(changed).toBe(true);
    expect(macText(data.subarray(0, 6))).toBe('33:33:ff:00:00:02'); // multicast kept
    expect(ipv6Text(data.subarray(38, 54))).toBe('ff02:0:0:0:0:1:ff00:2'); // multicast kept
    const src = ipv6Text(data.subarray(22, 38));
    const target = ipv6Text(data.subarray(62, 78));
    expect(src).toBe(map.toJson().ipv6['fd77:0:0:0:0:0:0:1']);
    expect(target).toBe(map.toJson().ipv6['fd77:0:0:0:0:0:0:2']);
    expect(target.split(':').slice(0, 4)).toEqual(src.split(':').slice(0, 4)); // same /64
    expect(macText(data.subarray(80, 86))).toBe(macText(data.subarray(6, 12))); // option = frame source, as before
    expect(macText(data.subarray(80, 86))).not.toBe('02:77:00:00:00:01');
    expect(checksumOk(data, 54, data.length, ipv6PseudoSum(data, 22, 38, 58, 32))).toBe(true);
  });

  it('replaces the header quoted in an ICMP error, with every checksum right', () => {
    const map = createAddressMap(hash);
    const { data } = rewriteFrame(portUnreachable(), 1, map);
    const a = map.toJson().ipv4['10.77.0.1'];
    const b = map.toJson().ipv4['10.77.0.2'];
    expect([ipv4Text(data.subarray(26, 30)), ipv4Text(data.subarray(30, 34))]).toEqual([b, a]);
    expect([ipv4Text(data.subarray(54, 58)), ipv4Text(data.subarray(58, 62))]).toEqual([a, b]);
    expect(checksumOk(data, 14, 34)).toBe(true); // IPv4 header
    expect(checksumOk(data, 42, 62)).toBe(true); // the quoted header
    expect(checksumOk(data, 34, data.length)).toBe(true); // ICMP
  });

  it('keeps a wrong IPv4 header checksum wrong, and a UDP checksum of 0 (none) at 0', () => {
    const map = createAddressMap(hash);
    const f = hex(`
      027700000001 027700000002 0800
      4500001d 0001 0000 40 11 0000 0a4d0001 0a4d0002
      a0b8 0035 0009 0000 00`);
    setSum(f, 24, expectedChecksum(f, 14, 34, 24) ^ 0x0101);
    const { data } = rewriteFrame(f, 1, map);
    expect(checksumOk(data, 14, 34)).toBe(false);
    expect(data[40]! | data[41]!).toBe(0);
  });

  it('finds UDP after an IPv6 hop-by-hop header and keeps its checksum right', () => {
    const map = createAddressMap(hash);
    // UDP at 62: after the 40-byte header and an 8-byte hop-by-hop header (a PadN of 4).
    const f = hex(`
      027700000002 027700000001 86dd
      60000000 0014 00 40
      fd770000000000000000000000000001
      fd770000000000000000000000000002
      11 00 0104 00000000
      a0b8 0035 000c 0000 74657374`);
    setSum(f, 68, expectedChecksum(f, 62, f.length, 68, ipv6PseudoSum(f, 22, 38, 17, 12)));
    const { data } = rewriteFrame(f, 1, map);
    expect(ipv6Text(data.subarray(22, 38))).toBe(map.toJson().ipv6['fd77:0:0:0:0:0:0:1']);
    expect(checksumOk(data, 62, data.length, ipv6PseudoSum(data, 22, 38, 17, 12))).toBe(true);
    // The change went into the checksum, not into ports that would make the sum right too.
    expect(data.subarray(62, 68)).toEqual(f.subarray(62, 68));
  });

  it('leaves the bytes after a later IPv6 fragment header alone', () => {
    // Offset 1 (8 bytes), no more fragments: what follows is data, not a UDP header.
    const f = hex(`
      027700000002 027700000001 86dd
      60000000 0010 2c 40
      fd770000000000000000000000000001
      fd770000000000000000000000000002
      11 00 0008 00001234
      0102030405060708`);
    const { data, changed } = rewriteFrame(f, 1, createAddressMap(hash));
    expect(changed).toBe(true);
    expect(data.subarray(54)).toEqual(f.subarray(54));
  });

  it('steps over 802.1ad and 802.1Q tags to the IPv4 header, every checksum right', () => {
    const map = createAddressMap(hash);
    // Tags at 14 and 18, IPv4 at 22, UDP at 42.
    const f = hex(`
      027700000002 027700000001 88a8
      0064 8100 00c8 0800
      45000020 0001 0000 40 11 0000 0a4d0001 0a4d0002
      a0b8 0035 000c 0000 74657374`);
    const pseudo = (b: Uint8Array) => {
      const v = new DataView(b.buffer, b.byteOffset);
      return ipv4PseudoSum(v.getUint32(34), v.getUint32(38), 17, 12);
    };
    setSum(f, 32, expectedChecksum(f, 22, 42, 32));
    setSum(f, 48, expectedChecksum(f, 42, f.length, 48, pseudo(f)));
    const { data } = rewriteFrame(f, 1, map);
    expect(ipv4Text(data.subarray(34, 38))).toBe(map.toJson().ipv4['10.77.0.1']);
    expect(ipv4Text(data.subarray(38, 42))).toBe(map.toJson().ipv4['10.77.0.2']);
    expect(data.subarray(12, 22)).toEqual(f.subarray(12, 22)); // the tags
    expect(checksumOk(data, 22, 42)).toBe(true);
    expect(checksumOk(data, 42, data.length, pseudo(data))).toBe(true);
    expect(data.subarray(42, 48)).toEqual(f.subarray(42, 48));
  });

  it('leaves frames of other link types alone', () => {
    const raw = portUnreachable().subarray(14);
    const { data, changed } = rewriteFrame(raw, 101, createAddressMap(hash));
    expect(changed).toBe(false);
    expect(data).toEqual(raw);
  });
});
