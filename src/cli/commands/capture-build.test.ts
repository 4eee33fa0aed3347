import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../test-run.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

const run = runCli;

const GOOD = `capture: {epoch: 1589950800}
frames:
  - time: 41.281189
    eth: {src: "70:5d:cc:65:65:aa", dst: "48:5f:99:46:85:d3"}
    arp: {op: request, sender_mac: "70:5d:cc:65:65:aa", sender_ip: 192.168.0.1, target_mac: "00:00:00:00:00:00", target_ip: 192.168.0.5}
    expect: {frame.len: 42}
`;

describe('wirebook capture build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wirebook-build-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is listed in the main help and has its own', () => {
    expect(run('--help').out).toContain('capture build SPEC.yaml -o FILE');
    const r = run('capture', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('usage: wirebook capture build SPEC.yaml -o FILE.pcapng');
  });

  it('writes the capture and says how many frames', () => {
    const spec = join(dir, 'arp.spec.yaml');
    const out = join(dir, 'arp.pcapng');
    writeFileSync(spec, GOOD);
    const r = run('capture', 'build', spec, '-o', out, '-v');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${out}: 1 frames`);
    expect(r.out).toContain('1: Not in the report at 41.281189 s');
    expect(readFileSync(out).subarray(0, 4)).toEqual(Buffer.from([0x0a, 0x0d, 0x0d, 0x0a]));
  });

  it('rebuilds a committed capture byte for byte', () => {
    const out = join(dir, 'report-arp.pcapng');
    expect(run('capture', 'build', join(ROOT, 'captures/rebuilt/report-arp.spec.yaml'), '-o', out).code).toBe(0);
    expect(readFileSync(out)).toEqual(readFileSync(join(ROOT, 'captures/rebuilt/report-arp.pcapng')));
  });

  it('exits 1 with file:line:column and writes nothing when a claim fails', () => {
    const spec = join(dir, 'bad.spec.yaml');
    const out = join(dir, 'bad.pcapng');
    writeFileSync(spec, GOOD.replace('frame.len: 42', 'frame.len: 60'));
    const r = run('capture', 'build', spec, '-o', out);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`${spec}:6:14: frame 1: frame.len is 42, the spec expects 60`);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 on usage errors', () => {
    expect(run('capture').err).toContain("the subcommand is 'build'");
    expect(run('capture', 'make', 'x').code).toBe(2);
    expect(run('capture', 'build', 'x.yaml').err).toContain('no output file');
    expect(run('capture', 'build', join(dir, 'missing.yaml'), '-o', join(dir, 'x.pcapng')).err).toContain('no such file');
  });
});
