// The display-filter and hex-dump grammars give each part of a line its own scope.
import { describe, expect, it } from 'vitest';
import { createHighlighter } from 'shiki';
import { displayFilter } from '../../src/shiki/display-filter.ts';
import { hexDump } from '../../src/shiki/hex-dump.ts';

const highlighter = await createHighlighter({ langs: [displayFilter, hexDump], themes: ['github-light'] });

/** Each non-blank token of the first line with the innermost scope the grammar gave it. */
function scopes(code: string, lang: 'dfilter' | 'hexdump'): [string, string][] {
  const lines = highlighter.codeToTokens(code, {
    lang: lang as 'text' /* a custom grammar's name, typed as a built-in */,
    theme: 'github-light',
    includeExplanation: true,
  }).tokens;
  return lines[0]!.flatMap((token) =>
    (token.explanation ?? []).filter((e) => e.content.trim() !== '').map((e) => [e.content.trim(), e.scopes.at(-1)!.scopeName] as [string, string]),
  );
}

describe('display filter grammar', () => {
  it('tells fields, operators, values and logic apart', () => {
    const s = new Map(scopes('tcp.flags.syn == 1 and not ip.addr == 192.168.0.31 or tcp.window_size < 0x100', 'dfilter'));
    expect(s.get('tcp.flags.syn')).toBe('variable.other.field.dfilter');
    expect(s.get('==')).toBe('keyword.operator.comparison.dfilter');
    expect(s.get('1')).toBe('constant.numeric.dfilter');
    expect(s.get('and')).toBe('keyword.control.logical.dfilter');
    expect(s.get('not')).toBe('keyword.control.logical.dfilter');
    expect(s.get('192.168.0.31')).toBe('constant.other.address.dfilter');
    expect(s.get('<')).toBe('keyword.operator.comparison.dfilter');
    expect(s.get('0x100')).toBe('constant.numeric.dfilter');
  });

  it('reads strings, contains and MAC addresses', () => {
    const s = new Map(scopes('http.host contains "weather" && eth.src == 00:1a:2b:3c:4d:5e', 'dfilter'));
    expect(s.get('contains')).toBe('keyword.operator.comparison.dfilter');
    expect([...s.entries()].some(([text, scope]) => text.includes('weather') && scope === 'string.quoted.double.dfilter')).toBe(true);
    expect(s.get('&&')).toBe('keyword.control.logical.dfilter');
    expect(s.get('00:1a:2b:3c:4d:5e')).toBe('constant.other.address.dfilter');
  });
});

describe('hex dump grammar', () => {
  it('splits a line into offset, bytes and ASCII', () => {
    const s = scopes('0010  00 3d 1c 46 00 00 80 11 00 00 c0 a8 00 1f a8 7e   .=.F...........~', 'hexdump');
    expect(s[0]).toEqual(['0010', 'comment.offset.hexdump']);
    expect(s[1]).toEqual(['00 3d 1c 46 00 00 80 11 00 00 c0 a8 00 1f a8 7e', 'constant.numeric.hex.hexdump']);
    expect(s[2]).toEqual(['.=.F...........~', 'string.unquoted.ascii.hexdump']);
  });

  it('reads a short last line without its ASCII column too', () => {
    const s = scopes('0040  63 6f 6d', 'hexdump');
    expect(s.map(([, scope]) => scope)).toEqual(['comment.offset.hexdump', 'constant.numeric.hex.hexdump']);
  });
});
