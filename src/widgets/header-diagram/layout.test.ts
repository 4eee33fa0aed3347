import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCapture } from '../../decoder/open-capture.ts';
import { protocolTables } from '../../decoder/dissect.ts';
import { abbreviated, layoutHeader, piecesOf, readBits, subfieldsOf, type HeaderBox } from './layout.ts';
import { moveFocus } from './keys.ts';

const open = (name: string) => openCapture(new Uint8Array(readFileSync(`captures/recorded/${name}.pcapng`)));
const http = open('tcp-http');

/** Every bit up to upTo is covered by exactly one box: no gap, no overlap. */
function rowsAreFull(boxes: HeaderBox[], upTo: number): void {
  const used = new Array<number>(upTo).fill(0);
  for (const b of boxes) for (let i = b.start; i < Math.min(upTo, b.start + b.bits); i++) used[i]++;
  expect(used.every((n) => n === 1)).toBe(true);
}

describe('layoutHeader', () => {
  it('lays the SYN out as RFC 9293 draws it: ports, seq, ack, offset, flags, window, then options by length', () => {
    const l = layoutHeader(protocolTables.tcp, http.dissect(1).tree, 32)!;
    const at = (name: string) => l.boxes.find((b) => b.name === name)!;
    expect([at('tcp.srcport').start, at('tcp.srcport').bits, at('tcp.srcport').value]).toEqual([0, 16, '36450']);
    expect([at('tcp.seq').start, at('tcp.seq').bits]).toEqual([32, 32]);
    expect([at('tcp.hdr_len').start, at('tcp.hdr_len').bits]).toEqual([96, 4]);
    // Each flag is its own box, in wire order; SYN is bit 110 and set.
    const flags = l.boxes.filter((b) => b.name.startsWith('tcp.flags.'));
    expect(flags.map((b) => b.bits)).toEqual([3, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect([at('tcp.flags.syn').start, at('tcp.flags.syn').value, at('tcp.flags.syn').kind]).toEqual([110, '1', 'bit']);
    expect(at('tcp.flags.ack').value).toBe('0');
    expect([at('tcp.window_size_value').start, at('tcp.window_size_value').value]).toEqual([112, '64240']);
    // Options: MSS (4 bytes), NOP, NOP, SACK permitted (2), NOP, window scale (3) = 12 bytes.
    const opts = l.boxes.filter((b) => b.kind === 'option');
    expect(opts.map((b) => [b.name, b.start, b.bits])).toEqual([
      ['tcp.options.mss', 160, 32],
      ['tcp.options.nop', 192, 8],
      ['tcp.options.nop', 200, 8],
      ['tcp.options.sack_perm', 208, 16],
      ['tcp.options.nop', 224, 8],
      ['tcp.options.wscale', 232, 24],
    ]);
    expect(at('tcp.options.mss').value).toBe('1460 bytes');
    expect(l.rowCount).toBe(8);
    rowsAreFull(l.boxes, 256);
  });

  it('draws the payload as a variable part after a 20-byte header', () => {
    const l = layoutHeader(protocolTables.tcp, http.dissect(4).tree, 32)!;
    const data = l.boxes[l.boxes.length - 1];
    expect([data.name, data.kind, data.start, data.value]).toEqual(['tcp.payload', 'payload', 160, '213']);
  });

  it('draws what an ICMP message carries as one row, not as header: echo data, a quoted datagram', () => {
    const icmp = open('icmp-path');
    // tshark: frame 1 is an echo request with 48 bytes of data; frame 6 a port unreachable quoting IPv4 and UDP.
    const echo = layoutHeader(protocolTables.icmp, icmp.dissect(1).tree, 32)!;
    const data = echo.boxes.find((b) => b.name === 'data')!;
    expect([data.kind, data.start, data.bits, data.length]).toEqual(['payload', 64, 32, 48]);
    expect(echo.rowCount).toBe(3);
    rowsAreFull(echo.boxes, 96);
    const error = layoutHeader(protocolTables.icmp, icmp.dissect(6).tree, 32)!;
    const quoted = error.boxes.find((b) => b.kind === 'payload')!;
    expect([quoted.name, quoted.label, quoted.start, quoted.length]).toEqual(['ip', 'Internet Protocol Version 4', 64, 60]);
    expect(error.rowCount).toBe(3);
  });

  it('splits IPv4 flags and DSCP/ECN into their bits, from the table masks', () => {
    const l = layoutHeader(protocolTables.ipv4, http.dissect(1).tree, 32)!;
    expect(l.boxes.map((b) => `${b.name}:${b.start}+${b.bits}`).slice(0, 10)).toEqual([
      'ip.version:0+4',
      'ip.hdr_len:4+4',
      'ip.dsfield.dscp:8+6',
      'ip.dsfield.ecn:14+2',
      'ip.len:16+16',
      'ip.id:32+16',
      'ip.flags.rb:48+1',
      'ip.flags.df:49+1',
      'ip.flags.mf:50+1',
      'ip.frag_offset:51+13',
    ]);
    expect(l.boxes.find((b) => b.name === 'ip.flags.df')!.value).toBe('1');
    expect(l.boxes.find((b) => b.name === 'ip.proto')!.value).toBe('TCP (6)');
    rowsAreFull(l.boxes, 160);
  });

  it('lays out Ethernet, ARP, UDP and IPv6 headers of the recorded captures', () => {
    const eth = layoutHeader(protocolTables.eth, http.dissect(1).tree, 32)!;
    expect(eth.boxes.map((b) => b.bits)).toEqual([48, 48, 16]);
    const arp = layoutHeader(protocolTables.arp, open('arp').dissect(1).tree, 32)!;
    expect(arp.boxes.reduce((n, b) => n + b.bits, 0)).toBe(28 * 8);
    const udp = layoutHeader(protocolTables.udp, open('udp-dns').dissect(1).tree, 32)!;
    expect(udp.boxes.slice(0, 4).map((b) => b.name)).toEqual(['udp.srcport', 'udp.dstport', 'udp.length', 'udp.checksum']);
    const v6 = layoutHeader(protocolTables.ipv6, open('tcp-ipv6').dissect(1).tree, 32)!;
    expect(v6.rowCount).toBe(10);
    rowsAreFull(v6.boxes, 320);
  });

  it('shows sequence numbers as sent on the wire, the relative ones as notes', () => {
    const l = layoutHeader(protocolTables.tcp, http.dissect(3).tree, 32, {}, http.data(3))!;
    const seq = l.boxes.find((b) => b.name === 'tcp.seq')!;
    expect(seq.value).toBe('4071048680');
    const rel = l.notes.find((n) => n.name === 'tcp.seq');
    // With the analysis in the decoder the tree holds the relative number; without it there is nothing to add.
    if (rel) expect([rel.value, rel.relative]).toEqual(['1', true]);
    expect(l.notes.some((n) => n.name === 'tcp.stream')).toBe(false);
  });

  it('puts short names into a layout made without them, as the explorer lays out in its Worker', () => {
    const abbrev = { 'tcp.options.mss': 'M', 'tcp.options.wscale': 'W', 'tcp.flags.syn': 'S', padding: 'P' };
    for (const n of [1, 2, 4]) {
      const tree = http.dissect(n).tree;
      for (const bits of [32, 16]) {
        expect(abbreviated(layoutHeader(protocolTables.tcp, tree, bits)!, abbrev)).toEqual(layoutHeader(protocolTables.tcp, tree, bits, abbrev));
      }
    }
    const syn = abbreviated(layoutHeader(protocolTables.tcp, http.dissect(1).tree, 32)!, abbrev);
    expect(syn.boxes.find((b) => b.name === 'tcp.options.mss')?.label).toBe('M');
  });

  it('returns undefined for a frame without the layer', () => {
    expect(layoutHeader(protocolTables.udp, http.dissect(1).tree, 32)).toBeUndefined();
  });

  it('lists calculated values as notes', () => {
    const l = layoutHeader(protocolTables.tcp, http.dissect(1).tree, 32)!;
    expect(l.notes.find((n) => n.name === 'tcp.window_size')?.value).toBe('64240');
  });
});

describe('readBits', () => {
  it('reads bit fields across byte boundaries, big-endian', () => {
    const d = new Uint8Array([0x45, 0x00, 0x40, 0x06]);
    expect(readBits(d, 0, 4)).toBe(4);
    expect(readBits(d, 4, 4)).toBe(5);
    expect(readBits(d, 16, 16)).toBe(0x4006);
    expect(readBits(d, 0, 32)).toBe(0x45004006);
    expect(readBits(d, 24, 16)).toBeUndefined();
  });
});

describe('subfieldsOf', () => {
  it('finds the twelve TCP flag bits in three reserved bits and nine named ones', () => {
    const t = protocolTables.tcp;
    const subs = subfieldsOf(t, t.header.find((f) => f.name === 'tcp.flags')!);
    expect(subs.map((f) => f.name)).toEqual([
      'tcp.flags.res',
      'tcp.flags.ae',
      'tcp.flags.cwr',
      'tcp.flags.ece',
      'tcp.flags.urg',
      'tcp.flags.ack',
      'tcp.flags.push',
      'tcp.flags.reset',
      'tcp.flags.syn',
      'tcp.flags.fin',
    ]);
  });

  it('leaves 48-bit addresses whole', () => {
    const t = protocolTables.eth;
    expect(subfieldsOf(t, t.header[0])).toEqual([]);
  });
});

describe('piecesOf', () => {
  const box = (start: number, bits: number): HeaderBox => ({ name: 'x', label: 'x', value: '', detail: '', kind: 'field', start, bits, offset: 0, length: 0 });

  it('cuts a 48-bit address across two rows', () => {
    expect(piecesOf([box(0, 48), box(48, 48)], 32).map((p) => [p.box, p.row, p.col, p.span, p.rows, p.first])).toEqual([
      [0, 0, 0, 32, 1, true],
      [0, 1, 0, 16, 1, false],
      [1, 1, 16, 16, 1, true],
      [1, 2, 0, 32, 1, false],
    ]);
  });

  it('keeps a 128-bit address that starts a row as one piece four rows high', () => {
    expect(piecesOf([box(64, 128)], 32)).toEqual([{ box: 0, row: 2, col: 0, span: 32, rows: 4, first: true }]);
  });

  it('halves rows for narrow screens', () => {
    expect(piecesOf([box(0, 16), box(16, 16), box(32, 32)], 16).map((p) => [p.row, p.col, p.span, p.rows])).toEqual([
      [0, 0, 16, 1],
      [1, 0, 16, 1],
      [2, 0, 16, 2],
    ]);
  });
});

describe('moveFocus', () => {
  // Two rows: [a a b b] over [c c c d].
  const r = (l: number, rt: number, top: number) => ({ left: l, right: rt, top, bottom: top + 10 });
  const rects = [r(0, 20, 0), r(20, 40, 0), r(0, 30, 10), r(30, 40, 10)];

  it('moves left and right in wire order and stops at the ends', () => {
    expect(moveFocus(rects, 1, 'ArrowRight')).toBe(2);
    expect(moveFocus(rects, 0, 'ArrowLeft')).toBe(0);
    expect(moveFocus(rects, 2, 'End')).toBe(3);
  });

  it('moves down to the box under the centre, and back up', () => {
    expect(moveFocus(rects, 1, 'ArrowDown')).toBe(2);
    expect(moveFocus(rects, 3, 'ArrowUp')).toBe(1);
    expect(moveFocus(rects, 0, 'ArrowUp')).toBe(0);
    expect(moveFocus(rects, 0, 'x')).toBe(-1);
  });
});
