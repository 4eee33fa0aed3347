// What `lesson new` needs to know about a capture to write a starter lesson:
// its protocols, its main conversation and the frames worth asking about.
// Pure: reads an opened capture, decides nothing about files.
import { findField } from '../../decoder/dissect.ts';
import type { OpenedCapture } from '../../decoder/open-capture.ts';
import { TCP_FLAG } from '../../decoder/layers/tcp-flags.ts';

const SYN = TCP_FLAG.SYN;
const ACK = TCP_FLAG.ACK;

/** Display names of the protocols a lesson talks about, by their tree name. */
const PROTOCOL_NAMES: Record<string, string> = {
  eth: 'Ethernet',
  arp: 'ARP',
  ip: 'IPv4',
  ipv6: 'IPv6',
  icmp: 'ICMP',
  icmpv6: 'ICMPv6',
  udp: 'UDP',
  tcp: 'TCP',
  dns: 'DNS',
  http: 'HTTP',
  dhcp: 'DHCP',
  tls: 'TLS',
  ntp: 'NTP',
};

export interface Row {
  number: number;
  source: string;
  destination: string;
  protocol: string;
  info: string;
}

export interface MainTcp {
  stream: number;
  a: { address: string; port: number };
  b: { address: string; port: number };
  frames: number[];
  /** The SYN-ACK of the handshake, when the capture holds it. */
  synAck?: number;
}

export interface CaptureFacts {
  frameCount: number;
  /** Protocols seen in any frame, outermost first, as display names (Ethernet, IPv4, TCP ...). */
  protocols: string[];
  tcpStreams: number;
  udpStreams: number;
  /** The TCP conversation with most frames, if any. */
  tcp?: MainTcp;
  /** The two ends of the main conversation (TCP, else the busiest address pair). */
  hostA: string;
  hostB: string;
  rows: Row[];
  /** Whether frame n has the field (Wireshark name). */
  has(frame: number, field: string): boolean;
  /** The field's value as tshark prints it, or undefined. */
  show(frame: number, field: string): string | undefined;
}

export function inspectCapture(capture: OpenedCapture): CaptureFacts {
  const count = capture.frames.length;
  const rows: Row[] = capture.summaries().map((s) => ({ number: s.number, source: s.source, destination: s.destination, protocol: s.protocol, info: s.info }));
  const seen: string[] = [];
  const udp = new Set<number>();
  for (let n = 1; n <= count; n++) {
    for (const node of capture.dissect(n).tree) {
      const name = PROTOCOL_NAMES[node.name];
      if (name && !seen.includes(name)) seen.push(name);
    }
    const u = capture.analysis.udpStreamOf(n);
    if (typeof u === 'number' && u >= 0) udp.add(u);
  }
  const order = Object.values(PROTOCOL_NAMES);
  seen.sort((x, y) => order.indexOf(x) - order.indexOf(y));

  const streams = capture.analysis.streamCount();
  let tcp: MainTcp | undefined;
  let best = -1;
  for (let i = 0; i < streams; i++) {
    const s = capture.analysis.summary(i);
    if (!s) continue;
    const total = s.packetsAtoB + s.packetsBtoA;
    if (total > best) {
      best = total;
      tcp = { stream: i, a: s.a, b: s.b, frames: [] };
    }
  }
  if (tcp) {
    for (let n = 1; n <= count; n++) if (capture.analysis.streamOf(n) === tcp.stream) tcp.frames.push(n);
    tcp.synAck = tcp.frames.find((n) => {
      const seg = capture.tcpSegment(n);
      return seg !== undefined && (seg.flags & (SYN | ACK)) === (SYN | ACK);
    });
  }
  const [hostA, hostB] = tcp ? [tcp.a.address, tcp.b.address] : busiestPair(rows);
  const field = (frame: number, name: string) => findField(capture.dissect(frame).tree, name);
  return {
    frameCount: count,
    protocols: seen,
    tcpStreams: streams,
    udpStreams: udp.size,
    tcp,
    hostA,
    hostB,
    rows,
    has: (frame, name) => frame >= 1 && frame <= count && field(frame, name) !== undefined,
    show: (frame, name) => (frame >= 1 && frame <= count ? field(frame, name)?.show : undefined),
  };
}

/** The address pair that exchanges most frames (broadcasts left out when anything else is there); A spoke first. */
function busiestPair(rows: Row[]): [string, string] {
  const pairs = new Map<string, { a: string; b: string; n: number }>();
  for (const r of rows) {
    const key = [r.source, r.destination].sort().join('\n');
    const hit = pairs.get(key) ?? { a: r.source, b: r.destination, n: 0 };
    hit.n += /broadcast/i.test(r.destination) ? 0.001 : 1;
    pairs.set(key, hit);
  }
  let best: { a: string; b: string; n: number } | undefined;
  for (const p of pairs.values()) if (!best || p.n > best.n) best = p;
  return best ? [best.a || 'unknown', best.b || 'unknown'] : ['unknown', 'unknown'];
}
