// `wirebook capture record`: lists the scenarios, refuses without root, and
// runs record.sh as root. The user id and the runner are injected: the tests
// never record anything.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { main } from '../main.ts';
import { memoryOutput } from '../output.ts';
import { listScenarios, runRecord, type RecordDeps } from './capture-record.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

function io() {
  const out = memoryOutput();
  const err: string[] = [];
  return { io: { out, err: (l: string) => void err.push(l) }, text: () => out.text(), err: () => err.join('\n') };
}

/** Records the calls instead of running anything. */
function fakeDeps(uid: number, status = 0) {
  const calls: { program: string; args: string[] }[] = [];
  const deps: RecordDeps = { uid: () => uid, run: (program, args) => (calls.push({ program, args }), status) };
  return { deps, calls };
}

const args = (positionals: string[], options: Record<string, string | boolean> = {}) => ({
  positionals: ['record', ...positionals],
  options: { root: ROOT, ...options },
});

describe('wirebook capture record', () => {
  it('lists every scenario of captures/record/scenarios with its description', () => {
    const t = io();
    const { deps, calls } = fakeDeps(1000);
    expect(runRecord(args([], { list: true }), t.io, deps)).toBe(0);
    const lines = t.text().trimEnd().split('\n');
    expect(lines.length).toBe(listScenarios(ROOT).length);
    expect(lines.some((l) => /^tcp-http +TCP handshake, HTTP\/1\.1 GET/.test(l))).toBe(true);
    expect(lines.some((l) => /^arp +first-contact ARP request and reply/.test(l))).toBe(true);
    expect(calls).toEqual([]);
  });

  it('lists through the real command line too', () => {
    const out = memoryOutput();
    expect(main(['capture', 'record', '--list', '--root', ROOT], { out, err: () => {} })).toBe(0);
    expect(out.text()).toMatch(/^udp-dns +DNS queries over UDP/m);
  });

  it('refuses without root, exit 2, saying why and how to run it, and runs nothing', () => {
    const t = io();
    const { deps, calls } = fakeDeps(1000);
    expect(runRecord(args(['tcp-http'], { output: '/tmp/x.pcapng' }), t.io, deps)).toBe(2);
    expect(t.err()).toContain('recording needs root: it creates network namespaces');
    expect(t.err()).toContain('sudo npx wirebook capture record tcp-http -o /tmp/x.pcapng');
    expect(calls).toEqual([]);
  });

  it('as root, runs record.sh with the scenario and the output, and passes on its failure', () => {
    const t = io();
    const { deps, calls } = fakeDeps(0);
    expect(runRecord(args(['arp'], { output: '/tmp/arp-test.pcapng' }), t.io, deps)).toBe(0);
    expect(calls).toEqual([{ program: 'bash', args: [join(ROOT, 'captures/record/record.sh'), 'arp', '/tmp/arp-test.pcapng'] }]);
    const failing = fakeDeps(0, 1);
    expect(runRecord(args(['arp']), t.io, failing.deps)).toBe(1);
    expect(failing.calls[0]!.args).toEqual([join(ROOT, 'captures/record/record.sh'), 'arp']);
  });

  it('exits 2 on an unknown scenario or none, before checking for root', () => {
    const t = io();
    const { deps, calls } = fakeDeps(0);
    expect(runRecord(args(['tcp-htp']), t.io, deps)).toBe(2);
    expect(t.err()).toContain("no scenario named 'tcp-htp'");
    expect(runRecord(args([]), t.io, deps)).toBe(2);
    expect(t.err()).toContain('no scenario given');
    expect(calls).toEqual([]);
  });

  it('is part of the capture command and its help', () => {
    const out = memoryOutput();
    expect(main(['capture', '--help'], { out, err: () => {} })).toBe(0);
    expect(out.text()).toContain('usage: wirebook capture record SCENARIO [-o FILE.pcapng]');
    expect(out.text()).toContain('usage: wirebook capture anonymise IN -o OUT.pcapng [--map MAP.json]');
    expect(out.text()).toContain('NOT rewritten: payload bytes, so DNS names');
    const err: string[] = [];
    expect(main(['capture', 'record', 'arp', '--map', 'm.json'], { out, err: (l) => void err.push(l) })).toBe(2);
    expect(err[0]).toContain('--map is not one of its options');
  });
});
