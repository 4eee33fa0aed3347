// The command line as a user meets it: help, mistakes, missing and damaged
// files, and both commands on a recorded capture.

import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './test-run.ts';
import { COMMANDS } from './main.ts';
import { commandsFor } from './commands-for.ts';
import { runFields } from './commands/fields.ts';
import { runDissect } from './commands/dissect.ts';
import { fileChunks } from './input.ts';
import { testTempDir } from '../../test/support/temp-dir.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const DNS = join(ROOT, 'captures/recorded/udp-dns.pcapng');
const HTTP = join(ROOT, 'captures/recorded/tcp-http.pcapng');
const HTTP_LOSS = join(ROOT, 'captures/recorded/tcp-http-loss.pcapng');

const run = runCli;

describe('wirebook help and usage errors', () => {
  it('lists the commands with --help and exits 0', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('fields');
    expect(r.out).toContain('dissect');
  });

  it('shows usage and exits 2 with no arguments', () => {
    expect(run().code).toBe(2);
  });

  it('prints per-command help', () => {
    const r = run('fields', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^usage: wirebook fields/);
    expect(run('help', 'dissect').out).toMatch(/^usage: wirebook dissect/);
  });

  it('rejects an unknown command with a did-you-mean hint', () => {
    const r = run('feilds', DNS);
    expect(r.code).toBe(2);
    expect(r.err).toContain("unknown command 'feilds'");
    expect(r.err).toContain("did you mean 'wirebook fields'");
  });

  it('rejects an unknown option with the nearest spelling', () => {
    const r = run('dissect', '--fram', '1', DNS);
    expect(r.code).toBe(2);
    expect(r.err).toContain("unknown option '--fram'");
    expect(r.err).toContain("'--frame'");
  });

  it('rejects an unknown field name, suggesting a real one', () => {
    const r = run('fields', '-e', 'ip.scr', DNS);
    expect(r.code).toBe(2);
    expect(r.err).toContain("unknown field 'ip.scr'");
    expect(r.err).toContain("did you mean 'ip.src'");
    expect(r.out).toBe('');
  });

  it('suggests from every field it knows: analysis fields too', () => {
    // tcp.stream and tcp.analysis.ack_rtt are tshark 4.0 field names (`tshark -G fields`).
    const r = run('fields', '-e', 'tcp.strem', '-e', 'tcp.analysis.ack_rt', HTTP);
    expect(r.code).toBe(2);
    expect(r.err).toContain("unknown field 'tcp.strem' (did you mean 'tcp.stream'?)");
    expect(r.err).toContain("unknown field 'tcp.analysis.ack_rt' (did you mean 'tcp.analysis.ack_rtt'?)");
  });

  it('asks for at least one field', () => {
    expect(run('fields', DNS).code).toBe(2);
  });
});

describe('wirebook on bad files', () => {
  it('says a missing file is missing and exits 2, without a stack trace', () => {
    const r = run('fields', '-e', 'frame.number', '/nonexistent/x.pcapng');
    expect(r.code).toBe(2);
    expect(r.err).toBe('wirebook: /nonexistent/x.pcapng: no such file');
  });

  it('prints the frames of a damaged file, then where it is damaged, and exits 1', () => {
    const bytes = readFileSync(HTTP);
    const dir = testTempDir('wirebook-cli-');
    const cut = join(dir, 'cut.pcapng');
    writeFileSync(cut, bytes.subarray(0, bytes.length - 100)); // inside the last block
    const r = run('fields', '-e', 'frame.number', cut);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('frame.number');
    expect(lines.length).toBeGreaterThan(10);
    expect(r.err).toMatch(new RegExp(`^wirebook: ${cut}: .+ at byte \\d+$`));
  });

  it('rejects a file that is not a capture at all', () => {
    const dir = testTempDir('wirebook-cli-');
    const txt = join(dir, 'notes.txt');
    writeFileSync(txt, 'hello, this is not a capture\n');
    const r = run('dissect', txt);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/not a pcap or pcapng file.* at byte 0$/);
  });
});

describe('wirebook fields', () => {
  it('prints a header and one tab-separated line per frame', () => {
    const r = run('fields', '-e', 'frame.number', '-e', 'ip.src', '-e', 'dns.qry.name', '-e', 'dns.a', DNS);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe('frame.number\tip.src\tdns.qry.name\tdns.a');
    expect(lines).toHaveLength(7);
    expect(lines[1]).toBe('1\t10.77.0.1\twww.example.com\t');
    // Both A records of the answer, joined by a comma as tshark -E occurrence=a does.
    expect(lines[2]).toBe('2\t10.77.0.2\twww.example.com\t192.0.2.10,192.0.2.11');
  });

  it('fills in analysis fields (relative sequence numbers, streams) from a first pass', () => {
    const r = run('fields', '-e', 'frame.number', '-e', 'tcp.stream', '-e', 'tcp.seq', '-e', 'tcp.ack', '-e', 'tcp.len', HTTP);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines.slice(1, 5)).toEqual(['1\t0\t0\t0\t0', '2\t0\t0\t1\t0', '3\t0\t1\t1\t0', '4\t0\t1\t1\t213']);
  });

  it('reassembles for reassembly fields asked alone, as tshark -2 does', () => {
    // Every field of the reassembly tables needs the analysis, not only those listed by hand.
    const e = ['frame.number', 'tcp.segment_data', 'tcp.reassembled.data'];
    const r = run('fields', ...e.flatMap((f) => ['-e', f]), HTTP_LOSS);
    const ts = spawnSync('tshark', ['-2', '-r', HTTP_LOSS, '-T', 'fields', '-E', 'header=y', ...e.flatMap((f) => ['-e', f])], { encoding: 'utf8' });
    expect(ts.status).toBe(0);
    expect(r.code).toBe(0);
    expect(r.out).toBe(ts.stdout);
  });

  it('names a pcapng interface without if_name "unknown", as tshark does', async () => {
    const { interfaceName } = await import('./commands/fields.ts');
    const iface = {
      id: 0,
      section: 0,
      localId: 0,
      linkType: 1,
      linkTypeName: 'ETHERNET',
      snapLen: 0,
      tsUnitsPerSecond: 1_000_000n,
      tsOffsetSeconds: 0n,
      comments: [],
      offset: 0,
    };
    expect(interfaceName('pcapng', [iface], 0)).toBe('unknown');
    expect(interfaceName('pcapng', [{ ...iface, name: 'eth0' }], 0)).toBe('eth0');
    expect(interfaceName('pcap', [iface], 0)).toBeUndefined();
  });

  it('gives the same output from memory and from small file chunks', () => {
    const names = ['frame.number', 'tcp.srcport', 'tcp.len', 'tcp.flags'];
    const a: string[] = [];
    const b: string[] = [];
    runFields(new Uint8Array(readFileSync(HTTP)), names, (t) => void a.push(t));
    runFields(fileChunks(HTTP, 77), names, (t) => void b.push(t)); // blocks split mid-record
    expect(b.join('')).toBe(a.join(''));
    expect(a.join('').split('\n')).toHaveLength(18); // header, 16 frames, final newline
  });
});

describe('wirebook dissect', () => {
  it('prints one frame as an indented tree', () => {
    const r = run('dissect', HTTP, '--frame', '1');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^Frame 1: 66 bytes on wire/);
    expect(lines).toContain('Internet Protocol Version 4, Src: 10.77.0.1, Dst: 10.77.0.2');
    expect(lines).toContain('    Source Address: 10.77.0.1');
    expect(r.out).not.toContain('Frame 2:');
  });

  it('prints JSON that parses, with bigint and bytes made JSON-safe', () => {
    const r = run('dissect', '--json', DNS);
    expect(r.code).toBe(0);
    const frames = JSON.parse(r.out);
    expect(frames).toHaveLength(6);
    expect(frames[0].number).toBe(1);
    const frame = frames[0].tree[0];
    expect(frame.name).toBe('frame');
    const epoch = frame.children.find((f: { name: string }) => f.name === 'frame.time_epoch');
    expect(typeof epoch.value).toBe('string'); // a bigint of nanoseconds, as decimal text
    expect(epoch.value).toMatch(/^\d+$/);
  });

  it('says when the frame does not exist', () => {
    const r = run('dissect', DNS, '--frame', '99');
    expect(r.code).toBe(2);
    expect(r.err).toContain('has 6 frame(s); there is no frame 99');
  });

  it('runs every frame in-process through runDissect', () => {
    const parts: string[] = [];
    const res = runDissect(new Uint8Array(readFileSync(DNS)), (t) => void parts.push(t));
    expect(res.frames).toBe(6);
    expect(parts.join('').match(/^Frame \d+:/gm)).toHaveLength(6);
  });
});

describe('the commands a process loads', () => {
  it('is the one named, the same command as in the full table; all of them otherwise', async () => {
    for (const c of COMMANDS) expect(await commandsFor(c.name)).toEqual([c]);
    for (const other of [undefined, '--help', 'help', 'fieldz', 'toString']) expect(await commandsFor(other)).toBe(COMMANDS);
  });
});

describe('the wirebook executable', () => {
  it('is executable and runs under node', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    const bin = join(ROOT, pkg.bin.wirebook);
    expect(statSync(bin).mode & 0o111).not.toBe(0);
    // Started through the launcher or straight from the TypeScript entry, the same.
    const direct = spawnSync(process.execPath, [join(ROOT, 'src/cli/wirebook.ts'), 'fields', '-e', 'frame.len', DNS], { encoding: 'utf8' });
    expect(direct.stdout.split('\n').slice(0, 3)).toEqual(['frame.len', '75', '125']);
    const r = spawnSync(process.execPath, [bin, 'fields', '-e', 'frame.len', DNS], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual(['frame.len', '75', '125']);
    // A reader that stops early (| head) ends the output quietly.
    const head = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" fields -e frame.number "${DNS}" | head -n 2`], { encoding: 'utf8' });
    expect(head.stdout).toBe('frame.number\n1\n');
    expect(head.stderr).toBe('');
    const missing = spawnSync(process.execPath, [bin, 'dissect', '/nonexistent.pcap'], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('wirebook: /nonexistent.pcap: no such file\n');
  });

  // The machines this project meets ship Node 20, which cannot run TypeScript.
  const oldNode = ['/usr/bin/node', '/usr/local/bin/node'].find((n) => {
    const v = spawnSync(n, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout?.trim().split('.').map(Number);
    return v && v.length === 3 && (v[0] < 22 || (v[0] === 22 && v[1] < 18));
  });

  it.skipIf(!oldNode)('on a Node too old for TypeScript, hands over to the project Node or says in one line what to run', () => {
    const r = spawnSync(oldNode!, [join(ROOT, 'src/cli/bin.mjs'), 'fields', '-e', 'frame.len', DNS], { encoding: 'utf8' });
    if (statSync(join(ROOT, '.cache/node'), { throwIfNoEntry: false })) {
      expect(r.status).toBe(0);
      expect(r.stdout.split('\n').slice(0, 3)).toEqual(['frame.len', '75', '125']);
    }
    // A copy of the launcher with no project Node beside it.
    const bare = testTempDir('wirebook-bin-');
    const launcher = join(bare, 'src/cli/bin.mjs');
    spawnSync('mkdir', ['-p', join(bare, 'src/cli')]);
    writeFileSync(launcher, readFileSync(join(ROOT, 'src/cli/bin.mjs')));
    writeFileSync(join(bare, 'package.json'), '{"type":"module"}');
    const alone = spawnSync(oldNode!, [launcher, '--help'], { encoding: 'utf8' });
    expect(alone.status).toBe(1);
    expect(alone.stdout).toBe('');
    expect(alone.stderr).toMatch(
      /^wirebook: needs Node 22\.18 or newer \(this is 2\d\.[\d.]+\); run it as {2}npm run wirebook -- --help {2}which installs Node 24 into \.cache\/node\n$/,
    );
  });
});
