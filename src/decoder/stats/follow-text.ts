// A followed stream as tshark 4.0 prints `-z follow,PROTO,MODE,N`: a header
// naming both nodes, then one block per record (node 1's indented by a tab),
// in ASCII (printable bytes, CR and LF as themselves, others as '.'), as a
// hex dump (offsets counted per node) or as raw hex.

import type { FollowNode, FollowRecord, FollowResult } from '../analysis/follow-records.ts';

export type FollowMode = 'ascii' | 'hex' | 'raw';

export const FOLLOW_MODES: readonly FollowMode[] = ['ascii', 'hex', 'raw'];

const SEPARATOR = '='.repeat(67);

const nodeText = (n: FollowNode | undefined): string => (n ? (n.ipv6 ? `[${n.address}]:${n.port}` : `${n.address}:${n.port}`) : ':0');

const hex2 = (b: number): string => (b < 16 ? '0' : '') + b.toString(16);

export function asciiOf(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b === 0x0a || b === 0x0d || (b >= 0x20 && b < 0x7f) ? String.fromCharCode(b) : '.';
  return s;
}

export function rawOf(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += hex2(b);
  return s;
}

/** A hex dump of `bytes` starting at `offset`, 16 bytes a line, split after 8. */
export function hexDump(prefix: string, offset: number, bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 16) {
    const line = bytes.subarray(i, i + 16);
    let hex = '';
    let text = '';
    line.forEach((b, j) => {
      hex += `${hex2(b)} `;
      text += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
      if (j === 7) {
        hex += ' ';
        text += ' ';
      }
    });
    const at = (offset + i).toString(16).toUpperCase().padStart(8, '0');
    out += `${prefix}${at}  ${hex.padEnd(50)}${text.replace(/ $/, '')}\n`;
  }
  return out;
}

function recordText(r: FollowRecord, mode: FollowMode, offset: number): string {
  const tab = r.node ? '\t' : '';
  if (mode === 'ascii') return `${tab}${r.bytes.length}\n${asciiOf(r.bytes)}\n`;
  if (mode === 'raw') return `${tab}${rawOf(r.bytes)}\n`;
  return hexDump(tab, offset, r.bytes);
}

/** The whole output of `tshark -q -z follow,PROTO,MODE,N` for this stream. */
export function followText(f: FollowResult, mode: FollowMode): string {
  const parts = [
    `\n${SEPARATOR}\n`,
    `Follow: ${f.proto},${mode}\n`,
    `Filter: ${f.proto}.stream eq ${f.stream}\n`,
    `Node 0: ${nodeText(f.nodes?.[0])}\n`,
    `Node 1: ${nodeText(f.nodes?.[1])}\n`,
  ];
  const offset = [0, 0];
  for (const r of f.records) {
    parts.push(recordText(r, mode, offset[r.node]));
    offset[r.node] += r.bytes.length;
  }
  parts.push(`${SEPARATOR}\n`);
  return parts.join('');
}
