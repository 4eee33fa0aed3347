import { describe, expect, it } from 'vitest';
import { absTimeText, bitPattern, bytesHex, escapeText, hexOf, ipv4Text, ipv6Text, nsText, showText, displayLine } from './format.ts';
import { defineFields } from './spec.ts';

const v6 = (s: string) => Uint8Array.from(s.match(/../g)!.map((x) => parseInt(x, 16)));

describe('value text', () => {
  it('compresses IPv6 addresses as RFC 5952 says', () => {
    expect(ipv6Text(v6('20010db8000000000000000000000001'))).toBe('2001:db8::1');
    expect(ipv6Text(v6('00000000000000000000000000000001'))).toBe('::1');
    expect(ipv6Text(v6('00000000000000000000000000000000'))).toBe('::');
    expect(ipv6Text(v6('fe800000000000000000000000000001'))).toBe('fe80::1');
    // one zero group is not compressed; the first of two equal runs is
    expect(ipv6Text(v6('20010db8000000010001000100010001'))).toBe('2001:db8:0:1:1:1:1:1');
    expect(ipv6Text(v6('20010000000000010000000000000001'))).toBe('2001:0:0:1::1');
    expect(ipv6Text(v6('20010000000000010000000000010001'))).toBe('2001::1:0:0:1:1');
    expect(ipv6Text(v6('00000000000000000000ffffc0a80005'))).toBe('::ffff:192.168.0.5');
  });

  it('writes IPv4, hex and bytes as tshark does', () => {
    expect(ipv4Text(0xc0a80005)).toBe('192.168.0.5');
    expect(hexOf(0x12, 16)).toBe('0x0012');
    expect(hexOf(0x800, 16)).toBe('0x0800');
    expect(bytesHex(new Uint8Array([0x04, 0x02]))).toBe('0402');
  });

  it('draws bit patterns in groups of four', () => {
    expect(bitPattern(0xf0, 8, 4)).toBe('0100 ....');
    expect(bitPattern(0x002, 12, 1)).toBe('.... .... ..1.');
    expect(bitPattern(0x1fff, 16, 185)).toBe('...0 0000 1011 1001');
    expect(bitPattern(0x20000, 24, 0)).toBe('.... ..0. .... .... .... ....');
  });

  it('prints times with nine fractional digits', () => {
    expect(nsText(1_795_616_040_677_548_307n)).toBe('1795616040.677548307');
    expect(nsText(365_135n)).toBe('0.000365135');
    expect(absTimeText(1_795_616_040_677_548_307n)).toBe('Nov 25, 2026 14:14:00.677548307 UTC');
    // tshark 4.0 pads a one-digit day with a space: "Jan  1, 1970 00:00:01.000000000 UTC".
    expect(absTimeText(1_000_000_000n)).toBe('Jan  1, 1970 00:00:01.000000000 UTC');
    // A day below 10 is padded with a space (tshark: "Dec  6, 2026 07:26:53.178564787 UTC").
    expect(absTimeText(1_796_542_013_178_564_787n)).toBe('Dec  6, 2026 07:26:53.178564787 UTC');
  });

  it('escapes control characters as Wireshark does', () => {
    expect(escapeText('Host: x\r\n')).toBe('Host: x\\r\\n');
  });
});

describe('showText and displayLine', () => {
  const F = defineFields({
    flag: { name: 'test.flag', label: 'Syn', type: 'bool', width: 12, mask: 0x002 },
    plain: { name: 'test.plain', label: 'Frame is marked', type: 'bool' },
    type: { name: 'test.type', label: 'Type', type: 'uint', width: 16, base: 'hex', strings: { 0x0800: 'IPv4' } },
    id: { name: 'test.id', label: 'Identification', type: 'uint', width: 16, base: 'hex_dec' },
    empty: { name: 'test.bytes', label: 'Bytes', type: 'bytes' },
    none: { name: 'test.none', label: 'Presence', type: 'none' },
    gen: { name: 'test.gen', label: 'Stream index', type: 'uint', width: 32, generated: true },
  });

  it('prints booleans as 1/0 and hex with the integer width', () => {
    expect(showText(F.flag, true)).toBe('1');
    expect(showText(F.flag, false)).toBe('0');
    expect(showText(F.type, 0x0800)).toBe('0x0800');
    expect(showText(F.id, 0xbb05)).toBe('0xbb05');
  });

  it("gives presence-only fields a non-empty value and empty bytes tshark's marker", () => {
    expect(showText(F.none, null)).toBe('1');
    expect(showText(F.none, new Uint8Array([1]))).toBe('01');
    expect(showText(F.empty, new Uint8Array(0))).toBe('<MISSING>');
  });

  it('writes details-pane lines', () => {
    expect(displayLine(F.flag, true)).toBe('.... .... ..1. = Syn: Set');
    expect(displayLine(F.plain, false)).toBe('Frame is marked: False');
    expect(displayLine(F.type, 0x0800)).toBe('Type: IPv4 (0x0800)');
    expect(displayLine(F.type, 0x1234)).toBe('Type: Unknown (0x1234)');
    expect(displayLine(F.id, 0xbb05)).toBe('Identification: 0xbb05 (47877)');
    expect(displayLine(F.gen, 0)).toBe('[Stream index: 0]');
  });
});
