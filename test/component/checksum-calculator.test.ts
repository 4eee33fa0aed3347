import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it, vi } from 'vitest';
import ChecksumCalculator from '../../src/components/ChecksumCalculator.astro';

// Content collections do not run in the Container API. The shared helper reads
// captures/recorded only; the report's captures are in captures/rebuilt, so
// look in both.
vi.mock('../../src/lib/captures.ts', async () => {
  const { existsSync, readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { openCapture } = await import('../../src/decoder/open-capture.ts');
  return {
    captureUrl: (entry: { id: string }) => `/captures/${entry.id}.pcapng`,
    loadCapture: async (id: string) => {
      const dir = ['captures/recorded', 'captures/rebuilt'].map((d) => join(process.cwd(), d)).find((d) => existsSync(join(d, `${id}.pcapng`)));
      if (!dir) throw new Error(`capture "${id}" does not exist`);
      const bytes = new Uint8Array(readFileSync(join(dir, `${id}.pcapng`)));
      return { entry: { id, data: { file: `${id}.pcapng` } }, bytes, capture: openCapture(bytes) };
    },
  };
});

const render = async (capture: string, frame: number) => {
  const container = await AstroContainer.create();
  return container.renderToString(ChecksumCalculator, { props: { capture, frame } });
};

/** The table's rows as [label, value, running sum] text, tags removed. */
const rows = (html: string) =>
  [...html.matchAll(/<tr data-index="(\d+)"[^>]*>(.*?)<\/tr>/g)].map((m) => {
    const cells = [...m[2].matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) => c[1].replace(/<[^>]*>/g, ''));
    return { index: Number(m[1]), label: cells[1], value: cells[2], text: cells[3], sum: cells[4] };
  });

describe('ChecksumCalculator (server render)', () => {
  it("adds up the report's DNS query word by word and finds the packet's 0xd29b", async () => {
    const html = await render('report-dns', 1);
    expect(html).toMatch(/<wb-checksum[^>]*data-capture="report-dns"[^>]*data-frame="1"[^>]*data-in-packet="53915"/);
    const r = rows(html);
    expect(r).toHaveLength(27);
    expect(r[0]).toMatchObject({ label: 'Source address, first half (192.168)', value: '0xc0a8', sum: '0xc0a8' });
    expect(r[2]).toMatchObject({ label: 'Destination address, first half (168.126)', value: '0xa87e' });
    // The first carry: 0xc0ad + 0xa87e = 0x1692b, wrapped around to 0x692c.
    expect(r[2].sum).toBe('0x1692b ↻ 0x1692b: carry wrapped around, 0x692c');
    expect(r[4]).toMatchObject({ label: 'Zero byte and protocol (17 = UDP)', value: '0x0011' });
    expect(r[5]).toMatchObject({ label: 'UDP length', value: '0x002a' });
    expect(r[6]).toMatchObject({ label: 'Source port', value: '0xd5d8' });
    expect(r[9]).toMatchObject({ label: 'Checksum, counted as zero', value: '0x0000', sum: '0x7ea0' });
    expect(r[10]).toMatchObject({ label: 'Data bytes 0–1', value: '0x562d', text: 'V-' });
    expect(r[26]).toMatchObject({ label: 'Data bytes 32–33', value: '0x0001', sum: '0x2d64' });
    expect(html).toContain('<code data-total>0x2d64</code>');
    expect(html).toContain('<code data-computed>0xd29b</code>');
    expect(html).toContain('<code data-in-packet>0xd29b</code>');
    expect(html).toMatch(/<p class="ck-verdict" data-verdict="match" role="status">Match: the bytes give 0xd29b/);
  });

  it('reads well without JavaScript: a captioned table with row headers, controls hidden until the script runs', async () => {
    const html = await render('report-dns', 1);
    expect(html).toContain('<caption>The one&#39;s-complement sum behind the UDP checksum of frame 1');
    expect(html.match(/<th colspan="5" scope="colgroup">/g)).toHaveLength(3);
    expect(html).toMatch(/<th scope="row" class="ck-what" id="ck-report-dns-1-w0">/);
    expect(html).toMatch(/<div class="ck-controls" data-controls role="group" aria-label="Checksum calculator controls" hidden/);
    expect(html).toMatch(/<button type="button" data-flip[^>]*>Flip a bit<\/button>/);
    expect(html).toMatch(/<wb-checksum[^>]*role="group" aria-labelledby="ck-report-dns-1-title"/);
    // The checksum word is fixed at zero; the element makes every other word editable.
    expect(html).toMatch(/<tr data-index="9"[^>]*data-role="checksum"[^>]*data-fixed>/);
  });

  it('handles a recorded query with an odd-length datagram', async () => {
    const html = await render('udp-dns', 1);
    const r = rows(html);
    // 41 bytes of UDP: 8 of header, 33 of DNS; the last word is one byte and a pad byte.
    expect(r).toHaveLength(6 + 4 + 17);
    expect(r[26].label).toBe('Data byte 32 and a zero pad byte');
    expect(html).toMatch(/data-verdict="match"/);
  });

  it('fails the build with the fix when the frame is not UDP over IPv4', async () => {
    await expect(render('tcp-http', 1)).rejects.toThrow(/frame 1 of "tcp-http" is not a UDP datagram over IPv4/);
    await expect(render('report-dns', 99)).rejects.toThrow(/frames 1 to 13, not 99/);
  });
});
