// Writes blocks.pcapng (run: node src/decoder/capture/testdata/make-blocks.mjs): UDP
// datagrams with, between them, the pcapng blocks Wireshark numbers as frames
// (custom blocks of both types, systemd journal entries with and without a time,
// a simple packet) and one it does not (decryption secrets).

import { writeFileSync } from 'node:fs';
import { writePcapng } from '../write-pcapng.ts';
import { asFrames, udpFrame } from '../../layers/testdata/hostile.ts';

const [a, b, c, d, e] = asFrames([1, 2, 3, 4, 5].map((i) => udpFrame(Uint8Array.of(i, i, i), 40000 + i, 2000, i)));
const text = new TextEncoder();
const entry = [
  '__REALTIME_TIMESTAMP=1700000000500000',
  '__MONOTONIC_TIMESTAMP=123456',
  '_BOOT_ID=0123456789abcdef0123456789abcdef',
  'PRIORITY=6',
  '_HOSTNAME=lab',
  'SYSLOG_IDENTIFIER=kernel',
  'MESSAGE=link up',
  '',
].join('\n');
const blocks = [
  a,
  { block: 'custom', pen: 32473, data: text.encode('hello custom'), copy: true },
  b,
  { block: 'journal', entry },
  c,
  { block: 'secrets', secretsType: 0x544c534b, data: text.encode('CLIENT_RANDOM 00 11\n') },
  { block: 'custom', pen: 1, data: Uint8Array.of(1, 2, 3, 4, 5), copy: false },
  { block: 'simple', data: udpFrame(Uint8Array.of(9, 9), 40009, 2000, 9) },
  d,
  { block: 'journal', entry: 'MESSAGE=no time here\n_HOSTNAME=h\n' },
  { block: 'custom', pen: 99999999, data: new Uint8Array(0), copy: true },
  e,
];
writeFileSync(new URL('blocks.pcapng', import.meta.url), writePcapng(blocks));
