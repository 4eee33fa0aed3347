// `wirebook capture anonymise` on the recorded captures: every address is
// replaced consistently, checksums that verified still verify, and tshark
// reads the result and agrees with our decoder field for field.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../test-run.ts';
import { writePcapng } from '../../decoder/capture/index.ts';
import { findAll } from '../../decoder/dissect.ts';
import { neighbourSolicitation, portUnreachable } from '../anonymise/testkit.ts';
import { openCapture } from '../../decoder/open-capture.ts';
import { testTempDir } from '../../../test/support/temp-dir.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'wirebook-anon-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = runCli;

const ADDRESS_FIELDS = [
  'eth.src',
  'eth.dst',
  'ip.src',
  'ip.dst',
  'ipv6.src',
  'ipv6.dst',
  'arp.src.hw_mac',
  'arp.src.proto_ipv4',
  'arp.dst.hw_mac',
  'arp.dst.proto_ipv4',
];
const CHECKSUMS = ['ip.checksum.status', 'tcp.checksum.status', 'udp.checksum.status', 'icmp.checksum.status', 'icmpv6.checksum.status'];
/** Addresses the map keeps by design. */
const KEPT = new Set(['ff:ff:ff:ff:ff:ff', '00:00:00:00:00:00', '0.0.0.0']);

function values(path: string, names: string[]): string[][][] {
  const c = openCapture(new Uint8Array(readFileSync(path)));
  return c.frames.map((_, i) => names.map((n) => findAll(c.dissect(i + 1).tree, n).map((f) => f.show)));
}

const tshark = (args: string[]) =>
  spawnSync('tshark', args, { encoding: 'utf8', env: { ...process.env, TZ: 'UTC', WIRESHARK_CONFIG_DIR: testTempDir('wirebook-ws-') } });

describe('wirebook capture anonymise', () => {
  const map = join(dir, 'map.json');
  const captures = ['tcp-http', 'tcp-ipv6', 'udp-dns', 'arp'];

  for (const name of [...captures, 'report-dns']) {
    it(`replaces every address of ${name} consistently and keeps good checksums good`, () => {
      const input = join(ROOT, name.startsWith('report-') ? 'captures/rebuilt' : 'captures/recorded', `${name}.pcapng`);
      const out = join(dir, `${name}.pcapng`);
      const r = run('capture', 'anonymise', input, '-o', out, '--map', map);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/: \d+ frames, \d+ with addresses replaced/);
      expect(r.err).toContain('payloads are not rewritten');

      const before = values(input, [...ADDRESS_FIELDS, ...CHECKSUMS]);
      const after = values(out, [...ADDRESS_FIELDS, ...CHECKSUMS]);
      expect(after.length).toBe(before.length);
      const forward = new Map<string, string>();
      const backward = new Map<string, string>();
      let replaced = 0;
      before.forEach((frame, i) => {
        ADDRESS_FIELDS.forEach((_, k) => {
          expect(after[i]![k]!.length).toBe(frame[k]!.length);
          frame[k]!.forEach((from, j) => {
            const to = after[i]![k]![j]!;
            if (KEPT.has(from)) expect(to).toBe(from);
            else {
              expect(to).not.toBe(from);
              replaced++;
            }
            expect(forward.get(from) ?? to).toBe(to); // same input, same output
            expect(backward.get(to) ?? from).toBe(from); // two inputs never merge
            forward.set(from, to);
            backward.set(to, from);
          });
        });
        CHECKSUMS.forEach((_, c) => {
          const k = ADDRESS_FIELDS.length + c;
          if (frame[k]![0] === '1') expect(after[i]![k]).toEqual(['1']);
        });
      });
      expect(replaced).toBeGreaterThan(0);
    });
  }

  it('keeps the /24 structure: neighbours stay neighbours in one 10.x.y.0/24', () => {
    const own = join(dir, 'structure-map.json');
    expect(run('capture', 'anonymise', join(ROOT, 'captures/recorded/tcp-ipv6.pcapng'), '-o', join(dir, 'structure.pcapng'), '--map', own).code).toBe(0);
    expect(run('capture', 'anonymise', join(ROOT, 'captures/recorded/arp.pcapng'), '-o', join(dir, 'structure.pcapng'), '--map', own).code).toBe(0);
    const json = JSON.parse(readFileSync(own, 'utf8'));
    expect(json.key).toMatch(/^[0-9a-f]{64}$/);
    const a = json.ipv4['10.77.0.1'] as string;
    const b = json.ipv4['10.77.0.2'] as string;
    expect(a).toMatch(/^10\.\d+\.\d+\.1$/);
    expect(b).toBe(a.replace(/\.1$/, '.2'));
    expect(json.ipv4['10.77.0.0/24']).toBe(a.replace(/\.1$/, '.0/24'));
    expect(json.ipv6['fd77:0:0:0:0:0:0:1']).toMatch(/^fd[0-9a-f]{2}:[0-9a-f]{1,4}:[0-9a-f]{1,4}:[0-9a-f]{1,4}:0:0:0:1$/);
    expect(json.mac['02:77:00:00:00:01']).toMatch(/^02(:[0-9a-f]{2}){5}$/);
  });

  it('gives the same replacements again with the same --map', () => {
    const again = join(dir, 'again.pcapng');
    expect(run('capture', 'anonymise', join(ROOT, 'captures/recorded/tcp-http.pcapng'), '-o', again, '--map', map).code).toBe(0);
    expect(readFileSync(again)).toEqual(readFileSync(join(dir, 'tcp-http.pcapng')));
  });

  it('writes pcapng with a section comment and keeps timestamps and payloads', () => {
    const input = openCapture(new Uint8Array(readFileSync(join(ROOT, 'captures/recorded/tcp-http.pcapng'))));
    const out = openCapture(new Uint8Array(readFileSync(join(dir, 'tcp-http.pcapng'))));
    expect(out.index.format).toBe('pcapng');
    expect(out.index.sections[0]!.comments[0]).toMatch(/^Anonymised by wirebook capture anonymise/);
    expect(out.frames.map((f) => f.timestamp)).toEqual(input.frames.map((f) => f.timestamp));
    // Frame 4's HTTP request: everything after the IPv4 addresses (TCP header aside) is the same.
    expect(out.data(4).subarray(54)).toEqual(input.data(4).subarray(54));
  });

  it('keeps a bad checksum bad', () => {
    const bytes = new Uint8Array(readFileSync(join(ROOT, 'captures/recorded/tcp-http.pcapng')));
    const c = openCapture(bytes);
    const at = c.frames[0]!.dataOffset + 14 + 20 + 16; // frame 1's TCP checksum
    bytes[at] ^= 0x5a;
    const bad = join(dir, 'bad-checksum.pcapng');
    writeFileSync(bad, bytes);
    const out = join(dir, 'bad-checksum-anon.pcapng');
    expect(run('capture', 'anonymise', bad, '-o', out).code).toBe(0);
    expect(values(bad, ['tcp.checksum.status'])[0]).toEqual([['0']]);
    expect(values(out, ['tcp.checksum.status', 'ip.checksum.status'])[0]).toEqual([['0'], ['1']]);
  });

  for (const name of captures) {
    it(`is read by tshark, whose fields on ${name} equal ours`, () => {
      const out = join(dir, `${name}.pcapng`);
      const fields = [...ADDRESS_FIELDS, ...CHECKSUMS, 'frame.time_epoch', 'frame.len', 'tcp.seq', 'udp.length', 'icmp.type', 'dns.qry.name'].flatMap((f) => [
        '-e',
        f,
      ]);
      const theirs = tshark([
        '-r',
        out,
        '-2',
        '-T',
        'fields',
        '-E',
        'header=y',
        '-E',
        'occurrence=a',
        '-E',
        'aggregator=,',
        '-o',
        'ip.check_checksum:TRUE',
        '-o',
        'tcp.check_checksum:TRUE',
        '-o',
        'udp.check_checksum:TRUE',
        ...fields,
      ]);
      expect(theirs.status).toBe(0); // tshark -r OUT reads the whole file
      expect(theirs.stderr).not.toMatch(/appears to be damaged|cut short|corrupt/i);
      const ours = run('fields', '-2', ...fields, out);
      expect(ours.code).toBe(0);
      expect(ours.out).toBe(theirs.stdout);
    });
  }

  it('rewrites neighbour discovery and ICMP errors as tshark reads them, checksums good', () => {
    const input = join(dir, 'nd-icmp.pcapng');
    writeFileSync(
      input,
      writePcapng(
        [neighbourSolicitation(), portUnreachable()].map((data, i) => ({ linkType: 1, timestamp: 1_700_000_000_000_000_000n + BigInt(i) * 1000n, data })),
      ),
    );
    const out = join(dir, 'nd-icmp-anon.pcapng');
    expect(run('capture', 'anonymise', input, '-o', out).code).toBe(0);
    const fields = [
      'icmpv6.nd.ns.target_address',
      'icmpv6.opt.linkaddr',
      'icmpv6.checksum.status',
      'icmp.checksum.status',
      'ip.checksum.status',
      'ip.src',
      'ip.dst',
      'ipv6.src',
    ];
    const read = (path: string) => tshark(['-r', path, '-T', 'fields', '-o', 'ip.check_checksum:TRUE', ...fields.flatMap((f) => ['-e', f])]);
    const [before, after] = [read(input), read(out)];
    expect(after.status).toBe(0);
    const rows = (t: string) =>
      t
        .trimEnd()
        .split('\n')
        .map((l) => l.split('\t'));
    const [b1, b2] = rows(before.stdout);
    const [a1, a2] = rows(after.stdout);
    expect(b1!.slice(0, 3)).toEqual(['fd77::2', '02:77:00:00:00:01', '1']);
    expect(a1![0]).toMatch(/^fd[0-9a-f]{2}:.*::2$/);
    expect(a1![1]).toMatch(/^02:/);
    expect(a1![1]).not.toBe('02:77:00:00:00:01');
    expect(a1![2]).toBe('1'); // ICMPv6 checksum still good
    expect(b2![3]).toBe('1');
    expect(a2![3]).toBe('1'); // ICMP checksum still good
    expect(a2![4]).toBe('1,1'); // outer and quoted IPv4 headers
    expect(a2![5]!.split(',')).toHaveLength(2);
    expect(a2![5]).not.toContain('10.77.');
  });

  it('refuses a file that is not a capture, and a damaged one, writing nothing', () => {
    const txt = join(dir, 'notes.txt');
    writeFileSync(txt, 'not a capture\n');
    const r = run('capture', 'anonymise', txt, '-o', join(dir, 'x.pcapng'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('is not a pcap or pcapng capture');
    const whole = readFileSync(join(ROOT, 'captures/recorded/tcp-http.pcapng'));
    const cut = join(dir, 'cut.pcapng');
    writeFileSync(cut, whole.subarray(0, whole.length - 100));
    const d = run('capture', 'anonymise', cut, '-o', join(dir, 'cut-anon.pcapng'));
    expect(d.code).toBe(1);
    expect(d.err).toMatch(/damaged at byte \d+/);
    expect(existsSync(join(dir, 'x.pcapng'))).toBe(false);
    expect(existsSync(join(dir, 'cut-anon.pcapng'))).toBe(false);
  });

  it('exits 2 on usage errors', () => {
    expect(run('capture', 'anonymise', 'x.pcapng').err).toContain('no output file');
    expect(run('capture', 'anonymise', '-o', 'y.pcapng').err).toContain('no capture given');
    expect(run('capture', 'anonymise', 'x.pcapng', '-o', 'x.pcapng').err).toContain('overwrite the input');
    expect(run('capture', 'anonymise', 'x.pcapng', '-o', 'y.pcapng', '--list').code).toBe(2);
  });
});
