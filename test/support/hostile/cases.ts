// Every hostile case, by name, with its full size (what `npm run bench`
// builds) and a scale that shrinks it for the unit tests. Each is a valid
// capture file written by the project's own writers.

import { type FrameToWrite, writePcap, writePcapng } from '../../../src/decoder/capture/index.ts';
import { dnsPointerChain } from './dns-chain.ts';
import { fragmentStorm } from './fragments.ts';
import { icmpQuotingIcmp, ipv6ExtensionChain, vlanStack } from './nesting.ts';
import { headerFlood, reorderStorm, retransmissionStorm, sackScatter, synFlood } from './tcp-storms.ts';
import { tinyFrames } from './tiny.ts';

export interface HostileCase {
  name: string;
  /** The frames at `scale` (1: full size; smaller scales keep every case's shape). */
  frames(scale: number): FrameToWrite[];
  format: 'pcap' | 'pcapng';
  /** The largest scale the unit tests build (seconds for every case together). */
  unitScale: number;
  /** Only the benchmark builds it (no scale small enough says anything new). */
  benchOnly?: boolean;
}

/** `n` scaled, never below `min` (a case must still be itself when small). */
const sized = (n: number, scale: number, min: number): number => Math.max(min, Math.round(n * scale));

/** The fields read of every case: the analysis fields a hostile case stresses, and Info, which walks every layer. */
export const HOSTILE_FIELDS: readonly string[] = [
  'frame.number',
  'frame.len',
  'tcp.stream',
  'tcp.analysis.flags',
  'tcp.analysis.bytes_in_flight',
  'tcp.analysis.acks_frame',
  'udp.stream',
  '_ws.col.Info',
];

export const HOSTILE_CASES: readonly HostileCase[] = [
  { name: 'dns-pointer-chain', unitScale: 0.1, format: 'pcap', frames: (s) => dnsPointerChain(sized(4000, s, 300), sized(3000, s, 10)) },
  { name: 'retransmission-storm', unitScale: 0.002, format: 'pcap', frames: (s) => retransmissionStorm(sized(60_000, s, 10)) },
  { name: 'syn-flood', unitScale: 0.002, format: 'pcap', frames: (s) => synFlood(sized(150_000, s, 10)) },
  { name: 'vlan-stack', unitScale: 1, format: 'pcap', frames: (s) => vlanStack(sized(2000, s, 25)) },
  { name: 'reorder-storm', unitScale: 0.004, format: 'pcapng', frames: (s) => reorderStorm(sized(50_000, s, 100)) },
  { name: 'sack-scatter', unitScale: 0.004, format: 'pcapng', frames: (s) => sackScatter(sized(50_000, s, 20)) },
  { name: 'fragment-storm', unitScale: 0.004, format: 'pcap', frames: (s) => fragmentStorm(sized(60_000, s, 50)) },
  { name: 'header-flood', unitScale: 0.3, format: 'pcap', frames: (s) => headerFlood(sized(10_000, s, 50)) },
  { name: 'ipv6-extension-chain', unitScale: 0.25, format: 'pcap', frames: (s) => ipv6ExtensionChain(sized(8000, s, 30)) },
  { name: 'icmp-quoting-icmp', unitScale: 1, format: 'pcap', frames: (s) => icmpQuotingIcmp(sized(2000, s, 30)) },
  { name: 'tiny-frames', unitScale: 0, format: 'pcap', frames: (s) => tinyFrames(sized(2_000_000, s, 1000)), benchOnly: true },
];

/** The case's capture file at `scale`, and how many records it holds. */
export function writeCase(c: HostileCase, scale: number): { bytes: Uint8Array; records: number } {
  const frames = c.frames(scale);
  return { bytes: c.format === 'pcap' ? writePcap(frames) : writePcapng(frames), records: frames.length };
}
