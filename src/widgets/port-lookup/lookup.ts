// Port lookup, pure: which RFC 6335 range a port is in, which services are
// registered on it, and whether an operating system's default ephemeral range
// would hand it to a client. Shared by the server render and the browser.

export type RangeId = 'system' | 'user' | 'dynamic';

export interface PortRange {
  id: RangeId;
  first: number;
  last: number;
}

/** RFC 6335 section 6: System (well-known), User (registered), Dynamic (private or ephemeral). */
export const RANGES: readonly PortRange[] = [
  { id: 'system', first: 0, last: 1023 },
  { id: 'user', first: 1024, last: 49151 },
  { id: 'dynamic', first: 49152, last: 65535 },
];

export type Os = 'linux' | 'windows';

/** Default ephemeral ranges: Linux net.ipv4.ip_local_port_range, Windows `netsh int ipv4 show dynamicport`. */
export const EPHEMERAL: Readonly<Record<Os, { first: number; last: number }>> = {
  linux: { first: 32768, last: 60999 },
  windows: { first: 49152, last: 65535 },
};

export type Transport = 'tcp' | 'udp';

/** A service registered on a port for one transport protocol. */
export interface Service {
  port: number;
  protocol: Transport;
  name: string;
  aliases: string[];
  comment?: string;
  /** Listed by Debian below its "not as allocated by IANA" line. */
  unofficial?: boolean;
}

/** Where a port appears in the lesson's captures. */
export interface Sighting {
  port: number;
  capture: string;
  role: 'client' | 'server';
  protocol: Transport;
}

function isPort(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 65535;
}

/** The RFC 6335 range of a valid port. */
export function rangeOf(port: number): PortRange {
  return RANGES.find((r) => port <= r.last) ?? RANGES[RANGES.length - 1]!;
}

export function inEphemeral(port: number, os: Os): boolean {
  return port >= EPHEMERAL[os].first && port <= EPHEMERAL[os].last;
}

/**
 * Common names that differ from the registry's service names, so a reader
 * typing "dns" finds "domain". Only names, never ports: the ports come from
 * the services file.
 */
const COMMON_NAMES: Readonly<Record<string, string>> = {
  dns: 'domain',
  rdp: 'ms-wbt-server',
  smb: 'microsoft-ds',
};

export type Query =
  | { kind: 'empty' }
  | { kind: 'port'; port: number; protocol?: Transport }
  | { kind: 'name'; name: string }
  | { kind: 'invalid'; reason: 'too-big' | 'not-whole' };

/** Reads what the reader typed: "443", "53/udp", ":8080", "https" or "HTTP". */
export function parseQuery(text: string): Query {
  const q = text.trim().toLowerCase().replace(/^:/, '');
  if (!q) return { kind: 'empty' };
  const m = /^(\d+)(?:\s*\/\s*(tcp|udp))?$/.exec(q);
  if (m) {
    const port = Number(m[1]);
    if (!isPort(port)) return { kind: 'invalid', reason: 'too-big' };
    return m[2] ? { kind: 'port', port, protocol: m[2] as Transport } : { kind: 'port', port };
  }
  if (/^[-+]?\d*[.,]\d+$|^-\d+$/.test(q)) return { kind: 'invalid', reason: 'not-whole' };
  return { kind: 'name', name: q };
}

export interface PortReport {
  port: number;
  range: PortRange;
  /** Services on this port (only the asked protocol when one was given), tcp before udp. */
  services: Service[];
  ephemeral: Record<Os, boolean>;
  seen: Sighting[];
}

export type LookupResult =
  | { kind: 'empty' }
  | { kind: 'invalid'; reason: 'too-big' | 'not-whole' }
  | { kind: 'port'; report: PortReport }
  | { kind: 'name'; name: string; reports: PortReport[]; registryName?: string }
  | { kind: 'unknown-name'; name: string; suggestions: Service[] };

function reportFor(port: number, services: readonly Service[], seen: readonly Sighting[] = [], protocol?: Transport): PortReport {
  const on = services
    .filter((s) => s.port === port && (!protocol || s.protocol === protocol))
    .sort((a, b) => a.protocol.localeCompare(b.protocol) || a.name.localeCompare(b.name));
  return {
    port,
    range: rangeOf(port),
    services: on,
    ephemeral: { linux: inEphemeral(port, 'linux'), windows: inEphemeral(port, 'windows') },
    seen: seen.filter((s) => s.port === port),
  };
}

const MAX_SUGGESTIONS = 6;

/** Looks up a port number or a service name (or alias). */
export function lookup(text: string, services: readonly Service[], seen: readonly Sighting[] = []): LookupResult {
  const q = parseQuery(text);
  if (q.kind === 'empty' || q.kind === 'invalid') return q;
  if (q.kind === 'port') return { kind: 'port', report: reportFor(q.port, services, seen, q.protocol) };
  const name = COMMON_NAMES[q.name] && !services.some((s) => s.name === q.name) ? COMMON_NAMES[q.name]! : q.name;
  const exact = services.filter((s) => s.name.toLowerCase() === name || s.aliases.some((a) => a.toLowerCase() === name));
  if (exact.length > 0) {
    const ports = [...new Set(exact.map((s) => s.port))].sort((a, b) => a - b);
    const reports = ports.map((p) => reportFor(p, services, seen));
    return name === q.name ? { kind: 'name', name: q.name, reports } : { kind: 'name', name: q.name, reports, registryName: name };
  }
  return { kind: 'unknown-name', name: q.name, suggestions: suggest(q.name, services) };
}

/** Services whose name or alias starts with, or whose name or comment contains, the text; one per name. */
export function suggest(text: string, services: readonly Service[]): Service[] {
  const t = text.toLowerCase();
  const score = (s: Service): number => {
    const names = [s.name, ...s.aliases].map((n) => n.toLowerCase());
    if (names.some((n) => n.startsWith(t))) return 0;
    if (names.some((n) => n.includes(t))) return 1;
    if (s.comment?.toLowerCase().includes(t)) return 2;
    return -1;
  };
  const seenNames = new Set<string>();
  return services
    .map((s) => ({ s, k: score(s) }))
    .filter(({ k }) => k >= 0)
    .sort((a, b) => a.k - b.k || a.s.port - b.s.port)
    .map(({ s }) => s)
    .filter((s) => !seenNames.has(s.name) && seenNames.add(s.name))
    .slice(0, MAX_SUGGESTIONS);
}

/** The protocols each service name is registered for on one port: "domain" -> ["tcp", "udp"]. */
export interface NamedService {
  name: string;
  protocols: Transport[];
  aliases: string[];
  comment?: string;
  unofficial?: boolean;
}

export function byName(services: readonly Service[]): NamedService[] {
  const out: NamedService[] = [];
  for (const s of services) {
    const hit = out.find((o) => o.name === s.name);
    if (hit) {
      if (!hit.protocols.includes(s.protocol)) hit.protocols.push(s.protocol);
      for (const a of s.aliases) if (!hit.aliases.includes(a)) hit.aliases.push(a);
      hit.comment ??= s.comment;
    } else {
      out.push({ name: s.name, protocols: [s.protocol], aliases: [...s.aliases], comment: s.comment, ...(s.unofficial ? { unofficial: true } : {}) });
    }
  }
  return out;
}
