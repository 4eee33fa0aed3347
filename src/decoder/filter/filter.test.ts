import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileFilter, type FieldLookup, type FilterValue } from './index.ts';

const known = [
  'frame',
  'eth',
  'ip',
  'ipv6',
  'tcp',
  'udp',
  'dns',
  'http',
  'arp',
  'ip.src',
  'ip.dst',
  'ip.addr',
  'ipv6.addr',
  'eth.addr',
  'tcp.port',
  'tcp.srcport',
  'tcp.dstport',
  'tcp.seq',
  'tcp.flags',
  'tcp.flags.syn',
  'tcp.flags.ack',
  'tcp.len',
  'tcp.options.sack_perm',
  'tcp.analysis.retransmission',
  'dns.qry.name',
  'http.host',
  'tcp.payload',
  'frame.time_relative',
];
const options = { isField: (n: string) => known.includes(n), names: () => known };

/** A frame given as field name -> shown values (value = show, or bytes). */
function frame(fields: Record<string, (string | FilterValue)[]>): FieldLookup {
  return (name) => (fields[name] ?? []).map((v) => (typeof v === 'string' ? { value: v, show: v } : v));
}

const syn = frame({
  frame: [''],
  eth: [''],
  ip: [''],
  tcp: [''],
  'ip.src': ['192.168.0.31'],
  'ip.dst': ['104.76.64.220'],
  'ip.addr': ['192.168.0.31', '104.76.64.220'],
  'eth.addr': ['48:5f:99:46:85:d3', '70:5d:cc:65:65:aa'],
  'tcp.srcport': ['56986'],
  'tcp.dstport': ['80'],
  'tcp.port': ['56986', '80'],
  'tcp.seq': ['0'],
  'tcp.flags': ['0x0002'],
  'tcp.flags.syn': ['1'],
  'tcp.flags.ack': ['0'],
  'tcp.len': ['0'],
  'tcp.options.sack_perm': [''],
  'frame.time_relative': ['0.008927000'],
});
const get = frame({
  ip: [''],
  tcp: [''],
  http: [''],
  'tcp.port': ['56986', '80'],
  'tcp.len': ['213'],
  'http.host': ['tile-service.weather.microsoft.com'],
  'tcp.payload': [{ value: new TextEncoder().encode('GET /ko-KR/livetile HTTP/1.1'), show: '474554' }],
  'ipv6.addr': [],
});
const v6 = frame({ ipv6: [''], 'ipv6.addr': ['fd77::1', 'fd77::2'], tcp: [''], 'tcp.port': ['443', '51000'] });

function test(text: string, lookup: FieldLookup): boolean {
  const r = compileFilter(text, options);
  if (!r.ok) throw new Error(`${text}: ${r.message} at ${r.position}`);
  return r.filter.matches(lookup);
}

describe('display filters', () => {
  it('tests protocol and field presence', () => {
    expect(test('tcp', syn)).toBe(true);
    expect(test('udp', syn)).toBe(false);
    expect(test('tcp.options.sack_perm', syn)).toBe(true);
    expect(test('http', syn)).toBe(false);
  });

  it('compares numbers in decimal and hex, with words or symbols', () => {
    expect(test('tcp.flags == 0x002', syn)).toBe(true);
    expect(test('tcp.flags eq 2', syn)).toBe(true);
    expect(test('tcp.len > 100', get)).toBe(true);
    expect(test('tcp.len <= 100', get)).toBe(false);
    expect(test('tcp.flags.syn == 1 && tcp.flags.ack == 0', syn)).toBe(true);
    expect(test('frame.time_relative < 0.01', syn)).toBe(true);
  });

  it('matches either end with the address and port shortcuts', () => {
    expect(test('tcp.port == 80', syn)).toBe(true);
    expect(test('tcp.port == 443', syn)).toBe(false);
    expect(test('ip.addr == 104.76.64.220', syn)).toBe(true);
    expect(test('ip.addr == 192.168.0.0/24', syn)).toBe(true);
    expect(test('ip.addr == 10.0.0.0/8', syn)).toBe(false);
    expect(test('tcp.port in {80, 443}', syn)).toBe(true);
    expect(test('tcp.port in {443 80}', syn)).toBe(true); // older Wireshark's spaces
  });

  it('treats != as "no occurrence equals", as Wireshark does', () => {
    expect(test('tcp.port != 80', syn)).toBe(false);
    expect(test('tcp.port != 8080', syn)).toBe(true);
    expect(test('ip.addr != 1.2.3.4', v6)).toBe(false); // absent field: every test fails
  });

  it('compares IPv6 and MAC addresses in any written form', () => {
    expect(test('ipv6.addr == fd77:0:0::2', v6)).toBe(true);
    expect(test('ipv6.addr == fd77::/16', v6)).toBe(true);
    expect(test('eth.addr == 48-5F-99-46-85-D3', syn)).toBe(true);
  });

  it('searches strings and bytes with contains and matches', () => {
    expect(test('http.host contains "weather"', get)).toBe(true);
    expect(test('tcp.payload contains "GET /"', get)).toBe(true);
    expect(test('tcp.payload contains 47:45:54', get)).toBe(true);
    expect(test('http.host matches "^tile-.*\\\\.com$"', get)).toBe(true);
    expect(test('http.host matches "(?i)WEATHER"', get)).toBe(true);
    expect(test('http.host == "tile-service.weather.microsoft.com"', get)).toBe(true);
  });

  it('combines with and, or, not and parentheses, with or loosest', () => {
    expect(test('udp or tcp and tcp.port == 80', syn)).toBe(true);
    expect(test('(udp or tcp) and not tcp.flags.syn == 1', syn)).toBe(false);
    expect(test('!(tcp.port == 80)', syn)).toBe(false);
    expect(test('not http and tcp', syn)).toBe(true);
  });

  it('lists the fields a filter reads', () => {
    const r = compileFilter('tcp.port == 80 and not tcp.analysis.retransmission', options);
    expect(r.ok && r.filter.fields).toEqual(['tcp.port', 'tcp.analysis.retransmission']);
  });

  it('matches every frame with an empty filter', () => {
    expect(test('   ', syn)).toBe(true);
  });
});

describe('display filter errors', () => {
  const error = (text: string) => {
    const r = compileFilter(text, options);
    if (r.ok) throw new Error(`"${text}" compiled`);
    return r;
  };

  it('names an unknown field and suggests the near one', () => {
    expect(error('tcp.prot == 80')).toMatchObject({ message: '"tcp.prot" is not a field or protocol; did you mean "tcp.port"?', position: 0 });
  });

  it('suggests analysis fields in a fresh process, with nothing loaded first', () => {
    // Only the filter modules are imported: the registry must bring the analysis fields itself.
    const script = [
      "import { compileFilter } from './src/decoder/filter/index.ts';",
      "import { filterNames } from './src/decoder/filter/frame-matcher.ts';",
      "const bad = compileFilter('tcp.analysis.retransmision', filterNames);",
      "const good = compileFilter('tcp.analysis.retransmission', filterNames);",
      'console.log(JSON.stringify({ message: bad.ok ? null : bad.message, ok: good.ok }));',
    ].join('\n');
    const root = join(import.meta.dirname, '..', '..', '..');
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual({
      message: '"tcp.analysis.retransmision" is not a field or protocol; did you mean "tcp.analysis.retransmission"?',
      ok: true,
    });
  });

  it('says where a value is missing or a parenthesis unclosed', () => {
    expect(error('tcp.port ==')).toMatchObject({ message: 'a value is missing at the end', position: 11 });
    expect(error('(tcp or udp')).toMatchObject({ message: 'expected ")" to close the "(" at 1', position: 11 });
    expect(error('tcp.port == "80')).toMatchObject({ message: 'this string has no closing quote (")', position: 12 });
  });

  it('asks for and/or between two tests', () => {
    expect(error('tcp udp').message).toBe('unexpected "udp" (join tests with "and" or "or")');
  });

  it('rejects characters the language does not have', () => {
    expect(error('tcp.port == 80;')).toMatchObject({ message: '";" is not allowed here', position: 14 });
    expect(error('== 80').message).toMatch(/cannot start a test/);
  });
});
