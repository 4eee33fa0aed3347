// `wirebook lesson check` as an instructor meets it: the course passes, a
// broken lesson gets every problem as FILE:LINE with exit 1.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-run.ts';
import { testTempDir } from '../../../test/support/temp-dir.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

const run = runCli;

describe('wirebook lesson check', () => {
  it('passes every lesson of the course', () => {
    const r = run('lesson', 'check', '--root', ROOT);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^\d+ lessons checked: no problems$/);
    expect(r.code).toBe(0);
  });

  it('reports each problem of a broken lesson with its line, and exits 1', () => {
    const root = testTempDir('wirebook-lesson-');
    mkdirSync(join(root, 'lessons'));
    mkdirSync(join(root, 'captures/recorded'), { recursive: true });
    mkdirSync(join(root, 'content/glossary'), { recursive: true });
    copyFileSync(join(ROOT, 'captures/recorded/tcp-http.pcapng'), join(root, 'captures/recorded/tcp-http.pcapng'));
    copyFileSync(join(ROOT, 'captures/recorded/tcp-http.yaml'), join(root, 'captures/recorded/tcp-http.yaml'));
    const lesson = [
      '---',
      'title: Broken',
      'summary: A lesson with mistakes.',
      'order: 1',
      'objectives: [Find them.]',
      'captures: [tcp-http]',
      '---',
      "import PacketViewer from '../src/components/PacketViewer.astro';",
      "import { Answer } from '../src/components/quiz/index.ts';",
      '',
      '<PacketViewer capture="tcp-http" frames="1-40" />',
      '<Answer id="ack" answer={{ frame: 5, field: \'tcp.ackk\' }}>Which ACK?</Answer>',
      '',
    ].join('\n');
    writeFileSync(join(root, 'lessons/01-broken.mdx'), lesson);
    const r = run('lesson', 'check', '--root', root);
    expect(r.code).toBe(1);
    expect(r.out.trim().split('\n')).toEqual([
      expect.stringMatching(/^lessons\/01-broken\.mdx:11: <PacketViewer frames="1-40">: /),
      'lessons/01-broken.mdx:12: <Answer>: frame 5 of "tcp-http" has no field tcp.ackk: check the name in the packet viewer (Wireshark\'s display-filter names), or the frame.',
    ]);
    expect(r.err).toBe('2 problems in 1 lesson');
  });

  it('says how to use it when the subcommand is wrong', () => {
    const r = run('lesson', 'chek');
    expect(r.code).toBe(2);
    expect(r.err).toContain("unknown subcommand 'chek'");
  });
});
