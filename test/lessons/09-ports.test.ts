// Lesson 9 (port numbers): every port the lesson names in a capture is read
// back from the decoder, every "which range" is recomputed with the lookup's
// own ranges, and every service name it quotes is in the services data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readYaml } from '../../src/lib/yaml/yaml-data.ts';
import { describe, expect, it } from 'vitest';
import { capture, expectClaim, expectStated, lessonText, proseOf, written } from './support.ts';
import { EPHEMERAL, RANGES, inEphemeral, rangeOf, type RangeId } from '../../src/widgets/port-lookup/lookup.ts';

const root = join(import.meta.dirname, '../..');
const text = lessonText('ports');
const prose = proseOf(text);
const services = JSON.parse(readFileSync(join(root, 'content/ports/services.json'), 'utf8')) as {
  netbase: string;
  services: { port: number; protocol: string; name: string; unofficial?: boolean }[];
};

const RANGE_WORD: Record<RangeId, string> = { system: 'System', user: 'User', dynamic: 'Dynamic' };

interface Row {
  capture: string;
  frame: number;
  client: number;
  server: number;
  range: string;
}

/** The rows of the lesson's two client-port tables: | capture, frame N | client → server | range |. */
function portRows(): Row[] {
  const rows: Row[] = [];
  for (const line of text.split('\n')) {
    const m = /^\| ((?:report|udp|tcp)-[a-z0-9-]+), frame (\d+) \| (\d+) → (\d+) \| (\w+) \|$/.exec(line);
    if (m) rows.push({ capture: m[1]!, frame: +m[2]!, client: +m[3]!, server: +m[4]!, range: m[5]! });
  }
  return rows;
}

/** The transport of a frame: tcp or udp. */
function transport(id: string, frame: number): 'tcp' | 'udp' {
  return capture(id).fields(frame, 'tcp.srcport').length ? 'tcp' : 'udp';
}

function sidecar(id: string): { hosts: { A: { address: string } } } {
  for (const dir of ['captures/rebuilt', 'captures/recorded']) {
    try {
      return readYaml(readFileSync(join(root, dir, `${id}.yaml`), 'utf8'), `${dir}/${id}.yaml`) as ReturnType<typeof sidecar>;
    } catch {
      /* next */
    }
  }
  throw new Error(`no sidecar for ${id}`);
}

const rows = portRows();
const report = rows.filter((r) => r.capture.startsWith('report-'));
const recorded = rows.filter((r) => !r.capture.startsWith('report-'));

describe('lesson 9: the client-port tables', () => {
  it('has four rows for the report and eleven for the recordings, one per recorded capture with a client', () => {
    expect(report.map((r) => r.capture)).toEqual(['report-dns', 'report-tcp-handshake', 'report-spurious', 'report-fin-rst']);
    expect(recorded).toHaveLength(11);
    // Every recorded capture with TCP or UDP traffic is in the table (arp has none).
    const front = /^captures: \[(.*)\]$/m.exec(text)![1]!.split(', ');
    for (const id of front)
      expect(
        rows.some((r) => r.capture === id),
        `${id} in the table`,
      ).toBe(true);
  });

  it.each(rows.map((r) => [`${r.capture} frame ${r.frame}`, r] as const))('%s: ports, client side and range', (_, r) => {
    const c = capture(r.capture);
    const p = transport(r.capture, r.frame);
    // The frame goes from the client (host A of the sidecar) to the server.
    expect(c.num(r.frame, `${p}.srcport`)).toBe(r.client);
    expect(c.num(r.frame, `${p}.dstport`)).toBe(r.server);
    const src = c.fields(r.frame, 'ip.src').length ? c.show(r.frame, 'ip.src') : c.show(r.frame, 'ipv6.src');
    expect(src).toBe(sidecar(r.capture).hosts.A.address);
    // A TCP client's port is the one in its first segment; when the capture has the SYN, it is this frame.
    if (p === 'tcp' && c.num(1, 'tcp.flags.syn') === 1) {
      expect(r.frame).toBe(1);
      expect(c.num(1, 'tcp.flags.ack')).toBe(0);
    }
    expect(r.range).toBe(RANGE_WORD[rangeOf(r.client).id]);
  });

  it('says the report’s four client ports are all in the Dynamic range, and only 61729 is outside Linux’s', () => {
    expect(report.map((r) => r.client)).toEqual([54744, 56986, 61729, 55477]);
    expect(report.every((r) => rangeOf(r.client).id === 'dynamic')).toBe(true);
    expectStated(prose, 'All # are in the Dynamic range, #–#', report.length, '49152', '65535');
    expect(report.every((r) => inEphemeral(r.client, 'windows'))).toBe(true);
    expectStated(prose, 'Windows PC used #, #, # and #', ...report.map((r) => String(r.client)));
    expect(report.filter((r) => !inEphemeral(r.client, 'linux')).map((r) => r.client)).toEqual([61729]);
    expectStated(prose, "Port #, which the report's PC used for its TLS", '61729');
    expect(capture('report-spurious').num(1, 'tcp.dstport')).toBe(443);
  });

  it('counts eight of the eleven recorded client ports in the User range', () => {
    const user = recorded.filter((r) => rangeOf(r.client).id === 'user');
    expect(user).toHaveLength(8);
    expect(prose).toContain('Eight of these eleven client ports lie in the User (registered-port) range');
    // Every recorded client port is inside Linux's default range: the recordings ran with it.
    expect(recorded.every((r) => inEphemeral(r.client, 'linux'))).toBe(true);
    expect(prose).toContain("All eleven lie inside Linux's default range, 32768–60999");
    const windows = recorded.filter((r) => inEphemeral(r.client, 'windows')).map((r) => r.client);
    expectClaim(
      prose,
      'only three of them (53304, 50648 and 58332) inside Windows',
      `only three of them (${windows[0]}, ${windows[1]} and ${windows[2]}) inside Windows`,
    );
    expect(windows).toHaveLength(3);
  });

  it('finds all eight recorded TCP client ports even, and the UDP port 38339 odd', () => {
    const tcp = recorded.filter((r) => transport(r.capture, r.frame) === 'tcp');
    expect(tcp).toHaveLength(8);
    expect(tcp.every((r) => r.client % 2 === 0)).toBe(true);
    expect(prose).toContain('all eight TCP client ports above are even');
    expect(transport('udp-dns', 5)).toBe('udp');
    expectClaim(prose, '38339 is odd', `${capture('udp-dns').num(5, 'udp.srcport')} is ${capture('udp-dns').num(5, 'udp.srcport') % 2 ? 'odd' : 'even'}`);
  });

  it('says the recordings’ servers listen on 4433 and 5002–5005, which the services file does not list', () => {
    const servers = new Set(recorded.map((r) => r.server));
    const unusual = [...servers].filter((p) => ![53, 80, 8081].includes(p)).sort((a, b) => a - b);
    expect(unusual).toEqual([4433, 5002, 5003, 5004, 5005]);
    expectStated(prose, 'test servers listen on # and #–#', String(unusual[0]), String(unusual[1]), String(unusual.at(-1)));
    for (const p of unusual)
      expect(
        services.services.some((s) => s.port === p),
        `port ${p}`,
      ).toBe(false);
  });
});

describe('lesson 9: the report’s DNS query', () => {
  const dns = capture('report-dns');

  it('goes from 192.168.0.5 port 54744 to 168.126.63.1 port 53, and the answer swaps them', () => {
    expectClaim(prose, 'the PC (192.168.0.5)', `the PC (${dns.show(1, 'ip.src')})`);
    expectClaim(prose, 'from source port 54744', `from source port ${dns.num(1, 'udp.srcport')}`);
    expectClaim(prose, 'comes back to port 54744 from port 53', `comes back to port ${dns.num(2, 'udp.dstport')} from port ${dns.num(2, 'udp.srcport')}`);
    expectClaim(
      prose,
      'UDP, 192.168.0.5 port 54744, 168.126.63.1 port 53',
      `UDP, ${dns.show(1, 'ip.src')} port ${dns.num(1, 'udp.srcport')}, ${dns.show(1, 'ip.dst')} port ${dns.num(1, 'udp.dstport')}`,
    );
    expect(dns.num(1, 'udp.dstport')).toBe(53);
    expectClaim(prose, 'to port 53 of its resolver (168.126.63.1)', `to port ${dns.num(1, 'udp.dstport')} of its resolver (${dns.show(1, 'ip.dst')})`);
    expectClaim(prose, 'as frame 2 of `report-dns` answers to 54744', `as frame 2 of \`report-dns\` answers to ${dns.num(2, 'udp.dstport')}`);
  });

  it('holds the source port in bytes 34 and 35 as 0xd5d8 (the FindField explanation)', () => {
    const f = dns.field(1, 'udp.srcport');
    expect([f.offset, f.offset + f.length - 1]).toEqual([34, 35]);
    const b = dns.opened.data(1).subarray(34, 36);
    const hex = '0x' + [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
    expectClaim(
      text,
      'bytes 34 and 35 of the frame, 0xd5d8, which is 54744',
      `bytes ${f.offset} and ${f.offset + 1} of the frame, ${hex}, which is ${(b[0]! << 8) | b[1]!}`,
    );
  });

  it('names the later queries’ ports as the rebuild’s choice', () => {
    // The spec invents the ports of the queries after frame 1; the packet comments say so.
    const spec = readFileSync(join(root, 'captures/rebuilt/report-dns.spec.yaml'), 'utf8');
    expect(spec).toContain('source port and IP identification invented');
    expect(prose).toContain('the rebuilt capture gives the later queries ports of its own choosing');
  });
});

describe('lesson 9: the Linux DNS recording', () => {
  const rec = capture('udp-dns');

  it('sends three queries from three ports, each answered back to its own port from 53', () => {
    const ports = [1, 3, 5].map((n) => rec.num(n, 'udp.srcport'));
    expectClaim(prose, 'port 53304, port 39094 and port 38339', `port ${ports[0]}, port ${ports[1]} and port ${ports[2]}`);
    expect(new Set(ports).size).toBe(3);
    for (const [q, a] of [
      [1, 2],
      [3, 4],
      [5, 6],
    ] as const) {
      expect(rec.num(a, 'udp.dstport')).toBe(rec.num(q, 'udp.srcport'));
      expect(rec.num(a, 'udp.srcport')).toBe(53);
      expect(rec.num(q, 'udp.dstport')).toBe(53);
      expect(rec.num(a, 'dns.flags.response')).toBe(1);
      expect(rec.num(q, 'dns.flags.response')).toBe(0);
    }
    expect(rec.count).toBe(6);
  });

  it('gives the quiz answer 38339 for the third query, in the User range and Linux’s range', () => {
    const p = rec.num(5, 'udp.srcport');
    expectClaim(text, 'The third query leaves from port 38339', `The third query leaves from port ${p}`);
    expect(rangeOf(p).id).toBe('user');
    expect(inEphemeral(p, 'linux')).toBe(true);
  });

  it('matches the packet notes this lesson added to the udp-dns sidecar', () => {
    const notes = (
      readYaml(readFileSync(join(root, 'captures/recorded/udp-dns.yaml'), 'utf8'), 'captures/recorded/udp-dns.yaml') as {
        annotations: { frame: number; field?: string; text: string }[];
      }
    ).annotations;
    const note = (frame: number) => notes.find((n) => n.frame === frame && n.field === 'udp.srcport')!.text;
    expect(note(3)).toContain(`Linux chose ${rec.num(3, 'udp.srcport')} from its default ephemeral range, ${EPHEMERAL.linux.first}-${EPHEMERAL.linux.last}`);
    expect(rangeOf(rec.num(3, 'udp.srcport')).id).toBe('user');
    expect(note(5)).toContain(`a third port, ${rec.num(5, 'udp.srcport')}. The server's port stays ${rec.num(5, 'udp.dstport')}`);
  });

  it('quotes two recorded User-range ports in the second mistake box', () => {
    expect(prose).toContain('ephemeral ports such as 39094 and 36450 from the User range');
    expect(rec.num(3, 'udp.srcport')).toBe(39094);
    expect(capture('tcp-http').num(1, 'tcp.srcport')).toBe(36450);
    expect([39094, 36450].map((p) => rangeOf(p).id)).toEqual(['user', 'user']);
  });
});

describe('lesson 9: the weather-tile connection (quiz)', () => {
  const tcp = capture('report-tcp-handshake');

  it('opens from client port 56986 to port 80, and the SYN, ACK answers from 80 with seq 0, ack 1', () => {
    expect([tcp.num(1, 'tcp.flags.syn'), tcp.num(1, 'tcp.flags.ack')]).toEqual([1, 0]);
    expectClaim(text, 'client port 56986 to server port 80', `client port ${tcp.num(1, 'tcp.srcport')} to server port ${tcp.num(1, 'tcp.dstport')}`);
    expectClaim(
      text,
      'The server answers from port 80 to port 56986',
      `The server answers from port ${tcp.num(2, 'tcp.srcport')} to port ${tcp.num(2, 'tcp.dstport')}`,
    );
    expect([tcp.num(2, 'tcp.flags.syn'), tcp.num(2, 'tcp.flags.ack')]).toEqual([1, 1]);
    expect([tcp.num(2, 'tcp.seq'), tcp.num(2, 'tcp.ack')]).toEqual([0, 1]);
    expectStated(text, 'starts at relative sequence number #, and it acknowledges #', tcp.num(2, 'tcp.seq'), tcp.num(2, 'tcp.ack'));
    expect(rangeOf(56986).id).toBe('dynamic');
  });

  it('explains the linux-could-pick answers with the default range', () => {
    expect(text).toContain('54744, 56986 and 55477 all lie inside 32768–60999. 61729 is above 60999');
    expect([54744, 56986, 55477].every((p) => inEphemeral(p, 'linux'))).toBe(true);
    expect(inEphemeral(61729, 'linux')).toBe(false);
  });
});

describe('lesson 9: ranges and counts', () => {
  const size = (first: number, last: number) => last - first + 1;

  it('states the size of every range it names', () => {
    const [system, user, dynamic] = RANGES;
    expectClaim(prose, '65,536 values', `${written(size(0, 65535))} values`);
    expectClaim(prose, '(1,024 ports)', `(${written(size(system!.first, system!.last))} ports)`);
    expectClaim(prose, '(48,128 ports)', `(${written(size(user!.first, user!.last))} ports)`);
    expectClaim(prose, '(16,384 ports)', `(${written(size(dynamic!.first, dynamic!.last))} ports)`);
    expectClaim(
      prose,
      '| 49152–65535 | 16,384 |',
      `| ${EPHEMERAL.windows.first}–${EPHEMERAL.windows.last} | ${written(size(EPHEMERAL.windows.first, EPHEMERAL.windows.last))} |`,
    );
    expectClaim(
      prose,
      '| 32768–60999 | 28,232 |',
      `| ${EPHEMERAL.linux.first}–${EPHEMERAL.linux.last} | ${written(size(EPHEMERAL.linux.first, EPHEMERAL.linux.last))} |`,
    );
    expectClaim(
      prose,
      '16,384 of its 28,232 ports (32768–49151)',
      `${written(size(EPHEMERAL.linux.first, user!.last))} of its ${written(size(EPHEMERAL.linux.first, EPHEMERAL.linux.last))} ports (${EPHEMERAL.linux.first}–${user!.last})`,
    );
    expectClaim(
      prose,
      'the top 4,536 ports (61000–65535)',
      `the top ${written(size(EPHEMERAL.linux.last + 1, 65535))} ports (${EPHEMERAL.linux.last + 1}–65535)`,
    );
    expectClaim(text, '65535 − 49152 + 1 = 16,384 ports', `65535 − ${dynamic!.first} + 1 = ${written(size(dynamic!.first, 65535))} ports`);
  });

  it('uses the RFC 6335 boundaries everywhere', () => {
    expect(RANGES.map((r) => [r.first, r.last])).toEqual([
      [0, 1023],
      [1024, 49151],
      [49152, 65535],
    ]);
    for (const words of ['System Ports, 0–1023', 'User Ports, 1024–49151', 'Dynamic Ports, 49152–65535']) expect(prose).toContain(words);
  });
});

describe('lesson 9: service names come from the services data', () => {
  const has = (name: string, port: number, protocol: string) => services.services.some((s) => s.name === name && s.port === port && s.protocol === protocol);

  it('has every service the lesson quotes, on the port and protocol it gives', () => {
    expect(services.netbase).toBe('6.4');
    expect(prose).toContain('(package netbase 6.4)');
    for (const [name, port, protocols] of [
      ['domain', 53, ['tcp', 'udp']],
      ['http', 80, ['tcp']],
      ['https', 443, ['tcp', 'udp']],
      ['ssh', 22, ['tcp']],
      ['smtp', 25, ['tcp']],
      ['socks', 1080, ['tcp']],
      ['mysql', 3306, ['tcp']],
      ['ms-wbt-server', 3389, ['tcp']],
    ] as const) {
      for (const p of protocols) expect(has(name, port, p), `${name} ${port}/${p}`).toBe(true);
      expect(prose).toContain(`\`${name}\``);
    }
    expect(prose).toContain('`socks` on 1080/tcp and `mysql` on 3306/tcp, both in the User range');
    expect([1080, 3306].map((p) => rangeOf(p).id)).toEqual(['user', 'user']);
  });

  it('marks the local entries the lesson mentions as not allocated by IANA', () => {
    expect(services.services.some((s) => s.unofficial)).toBe(true);
    expect(services.services.find((s) => s.port === 53)!.unofficial).toBeUndefined();
  });
});

describe('lesson 9: do it yourself', () => {
  it('counts seven DNS questions from a port in Windows’ range in report-dns', () => {
    const dns = capture('report-dns');
    const questions = [...Array(dns.count).keys()].map((i) => i + 1).filter((n) => dns.num(n, 'udp.dstport') === 53);
    expect(questions.every((n) => inEphemeral(dns.num(n, 'udp.srcport'), 'windows'))).toBe(true);
    expectClaim(
      prose,
      'all seven in `report-dns.pcapng`',
      `all ${['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'][questions.length]} in \`report-dns.pcapng\``,
    );
  });

  it('names the capture files the viewers download', () => {
    expect(text).toContain('tshark -r report-dns.pcapng');
    expect(text).toContain('tshark -r udp-dns.pcapng');
    expect(text).toContain('tshark -r report-tcp-handshake.pcapng');
  });
});

describe('lesson 9: NAT rewrites ports (report-dns frames 1 and 2)', () => {
  const dns = capture('report-dns');
  /** An IPv4 address as a 32-bit number. */
  const ip4 = (a: string) => a.split('.').reduce((n, b) => n * 256 + Number(b), 0);
  /** RFC 1918 section 3: the three private blocks. */
  const PRIVATE: [string, number][] = [
    ['10.0.0.0', 8],
    ['172.16.0.0', 12],
    ['192.168.0.0', 16],
  ];
  const inBlock = (a: string, [net, bits]: [string, number]) => Math.floor(ip4(a) / 2 ** (32 - bits)) === Math.floor(ip4(net) / 2 ** (32 - bits));

  it('names the three private blocks of RFC 1918 and puts the PC, not the resolver, in one', () => {
    expect(prose).toContain('one of the three private blocks of RFC 1918');
    expect(prose).toContain('(with 10.0.0.0/8 and 172.16.0.0/12)');
    expectStated(prose, 'address in the DNS capture, #, lies in #/16', dns.show(1, 'ip.src'), '192.168.0.0');
    expect(inBlock(dns.show(1, 'ip.src'), PRIVATE[2]!)).toBe(true);
    expect(PRIVATE.some((b) => inBlock(dns.show(1, 'ip.dst'), b))).toBe(false);
    expectStated(prose, 'the resolver at # cannot answer to #', dns.show(1, 'ip.dst'), dns.show(1, 'ip.src'));
  });

  it('follows the query out and the answer back with the capture’s addresses and ports', () => {
    expectStated(prose, 'The query leaves the PC as # port #', dns.show(1, 'ip.src'), dns.show(1, 'udp.srcport'));
    expectStated(prose, 'port # to # port #', dns.show(1, 'udp.srcport'), dns.show(1, 'ip.dst'), dns.show(1, 'udp.dstport'));
    expectStated(prose, 'writes # port # back in as the destination', dns.show(2, 'ip.dst'), dns.show(2, 'udp.dstport'));
    expectStated(prose, 'for UDP, to #:#. It', dns.show(1, 'ip.dst'), dns.show(1, 'udp.dstport'));
  });
});
