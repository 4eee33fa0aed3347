// `wirebook follow` and `wirebook stats` print what tshark prints for the same
// -z argument (its output kept in the statistics fixtures, regen-stats.ts).

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStatsFixture } from '../../../test/golden/stats-views.ts';
import { runCli } from '../test-run.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const HTTP = join(ROOT, 'captures/recorded/tcp-http.pcapng');
const DNS = join(ROOT, 'captures/recorded/udp-dns.pcapng');

describe('wirebook follow', () => {
  it('prints a TCP stream as tshark -z follow does, in either argument shape', () => {
    const tshark = readStatsFixture('tcp-http');
    for (const mode of ['ascii', 'hex', 'raw']) {
      const words = runCli('follow', 'tcp', mode, '0', HTTP);
      expect(words.code).toBe(0);
      expect(words.out).toBe(tshark[`follow,tcp,${mode},0`]);
      expect(runCli('follow', '-z', `follow,tcp,${mode},0`, HTTP).out).toBe(words.out);
    }
  });

  it('prints a UDP stream', () => {
    expect(runCli('follow', 'udp', 'hex', '1', DNS).out).toBe(readStatsFixture('udp-dns')['follow,udp,hex,1']);
  });

  it('refuses a wrong mode, with a hint', () => {
    const r = runCli('follow', 'tcp', 'text', '0', HTTP);
    expect(r.code).toBe(2);
    expect(r.err).toContain('ascii, hex, raw');
  });
});

describe('wirebook stats', () => {
  it('prints each view as tshark -z does', () => {
    const tshark = readStatsFixture('tcp-http');
    for (const view of ['conv,eth', 'conv,ip', 'conv,tcp', 'conv,udp', 'io,phs', 'expert']) {
      const r = runCli('stats', view, HTTP);
      expect(r.code, view).toBe(0);
      expect(r.out, view).toBe(tshark[view]);
    }
  });

  it('prints several -z views in the order given', () => {
    const tshark = readStatsFixture('udp-dns');
    expect(runCli('stats', '-z', 'io,phs', '-z', 'conv,udp', DNS).out).toBe(tshark['io,phs'] + tshark['conv,udp']);
  });

  it('names the views it knows when given another', () => {
    const r = runCli('stats', 'io,stat,1', HTTP);
    expect(r.code).toBe(2);
    expect(r.err).toContain('io,phs');
  });

  it('says when the file is missing', () => {
    const r = runCli('stats', 'expert', '/nonexistent/x.pcapng');
    expect(r.code).toBe(2);
    expect(r.err).toContain('no such file');
  });
});
