// A conversation table as tshark 4.0 prints `-z conv,TYPE` (relative times).

import type { ConvKind } from './conversation-packets.ts';
import type { ConvRow } from './conversations.ts';
import { nsToSeconds } from './frame-walk.ts';

const TITLE: Readonly<Record<ConvKind, string>> = { eth: 'Ethernet', ip: 'IPv4', ipv6: 'IPv6', tcp: 'TCP', udp: 'UDP' };

const RULE = '='.repeat(80);

/** Bytes as Wireshark's format_size prints them: "4996 bytes", "326 kB" (SI, truncated, from 10 units up). */
export function sizeText(n: number): string {
  const prefixes: Array<[number, string]> = [
    [1e15, 'P'],
    [1e12, 'T'],
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [unit, p] of prefixes) if (n / unit >= 10) return `${Math.floor(n / unit)} ${p}B`;
  return `${n} bytes`;
}

const num = (n: number) => String(n).padStart(6);

export function conversationsText(kind: ConvKind, rows: readonly ConvRow[]): string {
  const ports = kind === 'tcp' || kind === 'udp';
  const lead = ' '.repeat(ports ? 59 : 47);
  const width = ports ? 26 : 20;
  const out = [
    RULE,
    `${TITLE[kind]} Conversations`,
    'Filter:<No Filter>',
    `${lead}|       <-      | |       ->      | |     Total     |    Relative    |   Duration   |`,
    `${lead}| Frames  Bytes | | Frames  Bytes | | Frames  Bytes |      Start     |              |`,
  ];
  for (const r of rows) {
    const a = ports ? `${r.a}:${r.aPort}` : r.a;
    const b = ports ? `${r.b}:${r.bPort}` : r.b;
    const start = nsToSeconds(r.startNs);
    const duration = nsToSeconds(r.stopNs) - start;
    out.push(
      `${a.padEnd(width)} <-> ${b.padEnd(width)}  ${num(r.framesBtoA)} ${sizeText(r.bytesBtoA).padEnd(9)}  ${num(r.framesAtoB)} ${sizeText(r.bytesAtoB).padEnd(9)}  ${num(r.framesAtoB + r.framesBtoA)} ${sizeText(r.bytesAtoB + r.bytesBtoA).padEnd(9)}  ${start.toFixed(9).padStart(14)}   ${duration.toFixed(4).padStart(12)}`,
    );
  }
  out.push(RULE, '');
  return out.join('\n');
}
