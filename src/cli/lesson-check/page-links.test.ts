import { describe, expect, it } from 'vitest';
import { pageLinkProblems } from './page-links.ts';

const lessons = ['udp', 'tcp-handshake', 'retransmission'];

describe('pageLinkProblems', () => {
  it('accepts relative links to lessons that exist, with or without a section', () => {
    expect(pageLinkProblems('See [Opening](../tcp-handshake/) and [loss](../retransmission/#two-ways).', lessons)).toEqual([]);
  });

  it('reports a root link with its relative form, on its line', () => {
    expect(pageLinkProblems('one\nSee [Retransmission](/lessons/retransmission/#x).', lessons)).toEqual([
      {
        line: 2,
        message:
          'link to "/lessons/retransmission/#x" starts at the site\'s root, so it breaks when the site is served under a base path: write it relative, as ../retransmission/#x.',
      },
    ]);
    expect(pageLinkProblems('[glossary](/glossary/)', lessons)[0].message).toContain('as ../../glossary/.');
  });

  it('names the nearest lesson for a link to one that does not exist', () => {
    const [p] = pageLinkProblems('[x](../tcp-handshak/)', lessons);
    expect(p.message).toContain('no lesson "tcp-handshak"');
    expect(p.message).toContain('"../tcp-handshake/"');
  });

  it('leaves outside links, anchors and code alone', () => {
    expect(pageLinkProblems('[RFC](https://www.rfc-editor.org/rfc/rfc9293) [up](#top) `[a](/b)`\n```\n[a](/b)\n```', lessons)).toEqual([]);
  });
});
