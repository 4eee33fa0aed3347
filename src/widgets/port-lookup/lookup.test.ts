import { describe, expect, it } from 'vitest';
import { EPHEMERAL, RANGES, byName, inEphemeral, lookup, parseQuery, rangeOf, suggest, type Service, type Sighting } from './lookup.ts';

const services: Service[] = [
  { port: 53, protocol: 'tcp', name: 'domain', aliases: [], comment: 'Domain Name Server' },
  { port: 53, protocol: 'udp', name: 'domain', aliases: [] },
  { port: 80, protocol: 'tcp', name: 'http', aliases: ['www'], comment: 'WorldWideWeb HTTP' },
  { port: 443, protocol: 'udp', name: 'https', aliases: [], comment: 'HTTP/3' },
  { port: 443, protocol: 'tcp', name: 'https', aliases: [], comment: 'http protocol over TLS/SSL' },
  { port: 853, protocol: 'tcp', name: 'domain-s', aliases: [], comment: 'DNS over TLS [RFC7858]' },
  { port: 3389, protocol: 'tcp', name: 'ms-wbt-server', aliases: [] },
  { port: 8080, protocol: 'tcp', name: 'http-alt', aliases: ['webcache'], comment: 'WWW caching service' },
];
const seen: Sighting[] = [
  { port: 54744, capture: 'report-dns', role: 'client', protocol: 'udp' },
  { port: 53, capture: 'report-dns', role: 'server', protocol: 'udp' },
];

describe('RFC 6335 ranges', () => {
  it('covers 0-65535 with no gap or overlap', () => {
    expect(RANGES[0]!.first).toBe(0);
    for (let i = 1; i < RANGES.length; i++) expect(RANGES[i]!.first).toBe(RANGES[i - 1]!.last + 1);
    expect(RANGES.at(-1)!.last).toBe(65535);
  });

  it('puts each boundary port in the right range', () => {
    expect([0, 1023, 1024, 49151, 49152, 65535].map((p) => rangeOf(p).id)).toEqual(['system', 'system', 'user', 'user', 'dynamic', 'dynamic']);
  });

  it('knows the default ephemeral ranges of Linux and Windows', () => {
    expect(EPHEMERAL.linux).toEqual({ first: 32768, last: 60999 });
    expect(EPHEMERAL.windows).toEqual({ first: 49152, last: 65535 });
    expect([32767, 32768, 60999, 61000].map((p) => inEphemeral(p, 'linux'))).toEqual([false, true, true, false]);
    expect([49151, 49152, 65535].map((p) => inEphemeral(p, 'windows'))).toEqual([false, true, true]);
    // The report's client ports: Windows' range, and 61729 outside Linux's.
    expect(inEphemeral(61729, 'windows')).toBe(true);
    expect(inEphemeral(61729, 'linux')).toBe(false);
  });
});

describe('parseQuery', () => {
  it('reads ports, with or without a protocol', () => {
    expect(parseQuery(' 443 ')).toEqual({ kind: 'port', port: 443 });
    expect(parseQuery('53/UDP')).toEqual({ kind: 'port', port: 53, protocol: 'udp' });
    expect(parseQuery(':8080')).toEqual({ kind: 'port', port: 8080 });
    expect(parseQuery('0')).toEqual({ kind: 'port', port: 0 });
    expect(parseQuery('65535')).toEqual({ kind: 'port', port: 65535 });
  });

  it('rejects numbers a 16-bit port cannot hold', () => {
    expect(parseQuery('65536')).toEqual({ kind: 'invalid', reason: 'too-big' });
    expect(parseQuery('99999999999')).toEqual({ kind: 'invalid', reason: 'too-big' });
    expect(parseQuery('-1')).toEqual({ kind: 'invalid', reason: 'not-whole' });
    expect(parseQuery('80.5')).toEqual({ kind: 'invalid', reason: 'not-whole' });
  });

  it('reads anything else as a name, lower-cased', () => {
    expect(parseQuery('HTTPS')).toEqual({ kind: 'name', name: 'https' });
    expect(parseQuery('   ')).toEqual({ kind: 'empty' });
  });
});

describe('lookup', () => {
  it('answers a port with its range, services (tcp first) and ephemeral ranges', () => {
    const r = lookup('443', services);
    expect(r.kind).toBe('port');
    if (r.kind !== 'port') return;
    expect(r.report.range.id).toBe('system');
    expect(r.report.services.map((s) => `${s.name}/${s.protocol}`)).toEqual(['https/tcp', 'https/udp']);
    expect(r.report.ephemeral).toEqual({ linux: false, windows: false });
  });

  it('keeps only the asked protocol', () => {
    const r = lookup('443/udp', services);
    expect(r.kind === 'port' && r.report.services.map((s) => s.protocol)).toEqual(['udp']);
  });

  it('says where the captures used a port', () => {
    const r = lookup('54744', services, seen);
    expect(r.kind === 'port' && r.report).toMatchObject({ range: { id: 'dynamic' }, services: [], ephemeral: { linux: true, windows: true }, seen: [seen[0]] });
  });

  it('finds a service by name or alias, case-insensitively', () => {
    for (const q of ['domain', 'Domain', 'WWW', 'webcache']) expect(lookup(q, services).kind).toBe('name');
    const r = lookup('domain', services, seen);
    expect(r.kind === 'name' && r.reports.map((p) => [p.port, p.services.length, p.seen.length])).toEqual([[53, 2, 1]]);
  });

  it('maps common names to the registry names: dns is "domain", rdp is "ms-wbt-server"', () => {
    const dns = lookup('DNS', services);
    expect(dns.kind === 'name' && dns.reports.map((p) => p.port)).toEqual([53]);
    expect(dns).toMatchObject({ name: 'dns', registryName: 'domain' });
    expect(lookup('domain', services)).not.toHaveProperty('registryName');
    const rdp = lookup('rdp', services);
    expect(rdp.kind === 'name' && rdp.reports.map((p) => p.port)).toEqual([3389]);
  });

  it('suggests close names for an unknown one', () => {
    const r = lookup('htt', services);
    expect(r.kind).toBe('unknown-name');
    if (r.kind !== 'unknown-name') return;
    expect(r.suggestions.map((s) => s.name)).toEqual(['http', 'https', 'http-alt']);
    expect(suggest('tls', services).map((s) => s.name)).toEqual(['https', 'domain-s']);
    expect(suggest('zzz', services)).toEqual([]);
  });

  it('passes empty and invalid input through', () => {
    expect(lookup('', services)).toEqual({ kind: 'empty' });
    expect(lookup('70000', services)).toEqual({ kind: 'invalid', reason: 'too-big' });
  });
});

describe('byName', () => {
  it('merges the tcp and udp lines of one service', () => {
    expect(byName(services.filter((s) => s.port === 53))).toEqual([{ name: 'domain', protocols: ['tcp', 'udp'], aliases: [], comment: 'Domain Name Server' }]);
  });
});
