import { describe, expect, it } from 'vitest';
import { calculate, checksumTableHtml, sumCellHtml, verdictText, wordLabel, wordText } from './render.ts';
import { udpIpv4Words } from './udp-words.ts';

// A small datagram whose data is markup: "<b>" then an odd byte.
const udp = Uint8Array.of(0x30, 0x39, 0x00, 0x35, 0x00, 0x0b, 0x00, 0x00, 0x3c, 0x62, 0x3e);
const words = udpIpv4Words({ src: Uint8Array.of(10, 0, 0, 1), dst: Uint8Array.of(10, 0, 0, 2), udp });

describe('wordText and wordLabel', () => {
  it('shows printable bytes, a middle dot for the rest, and one byte for a padded word', () => {
    expect(wordText(0x562d)).toBe('V-');
    expect(wordText(0x0273)).toBe('·s');
    expect(wordText(0x3e00, true)).toBe('>');
  });

  it('names words by role, addresses with their dotted halves', () => {
    expect(wordLabel(words[0])).toBe('Source address, first half (10.0)');
    expect(wordLabel(words[3])).toBe('Destination address, second half (0.2)');
    expect(wordLabel(words[10])).toBe('Data bytes 0–1');
    expect(wordLabel(words[11])).toBe('Data byte 2 and a zero pad byte');
  });
});

describe('sumCellHtml', () => {
  it('shows the 17-bit total and the wrapped sum when a carry happens', () => {
    expect(sumCellHtml({ before: 0xc0ad, word: 0xa87e, total: 0x1692b, carry: true, after: 0x692c })).toBe(
      '<span class="ck-carry"><code>0x1692b</code><span aria-hidden="true"> ↻ </span><span class="ck-sr">0x1692b: carry wrapped around, </span></span><code>0x692c</code>',
    );
    expect(sumCellHtml({ before: 0, word: 0xc0a8, total: 0xc0a8, carry: false, after: 0xc0a8 })).toBe('<code>0xc0a8</code>');
  });
});

describe('verdictText', () => {
  it('says match, mismatch and absent in words', () => {
    expect(verdictText('match', 0xd29b, 0xd29b)).toMatch(/^Match: the bytes give 0xd29b/);
    expect(verdictText('mismatch', 0xd29c, 0xd29b)).toBe(
      'Mismatch: the bytes now give 0xd29c, but the packet carries 0xd29b. A receiver discards this datagram.',
    );
    expect(verdictText('absent', 0x1234, 0)).toMatch(/over IPv4 only/);
  });
});

describe('checksumTableHtml', () => {
  it('escapes packet bytes shown as text', () => {
    const html = checksumTableHtml(words, 0, 1, 'ck-t-1');
    expect(html).toContain('<td class="ck-text" data-text><code>&lt;b</code></td>');
    expect(html).toContain('<td class="ck-text" data-text><code>&gt;</code></td>');
    expect(html).not.toContain('<b');
  });

  it('reports a zero checksum as absent, and the computed checksum all the same', () => {
    const r = calculate(words, 0);
    expect(r.verdict).toBe('absent');
    const html = checksumTableHtml(words, 0, 1, 'ck-t-1');
    expect(html).toContain('data-verdict="absent"');
    expect(html).toContain(`<code data-computed>0x${r.computed.toString(16).padStart(4, '0')}</code>`);
  });
});
