import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it, vi } from 'vitest';
import PacketViewer from '../../src/components/PacketViewer.astro';
import FrameLink from '../../src/components/FrameLink.astro';

// Content collections do not run in the Container API: read the sidecar and capture from disk.
vi.mock('../../src/lib/captures.ts', () => import('./support/captures-from-disk.ts'));

async function render(props: Record<string, unknown>): Promise<string> {
  const container = await AstroContainer.create();
  return container.renderToString(PacketViewer, { props });
}

const rowsOf = (html: string) => [...html.matchAll(/<tr\b[^>]*data-frame="(\d+)"/g)].map((m) => Number(m[1]));

describe('PacketViewer (server render)', () => {
  it('lists the frames of the range, with Wireshark columns and colours', async () => {
    const html = await render({ capture: 'tcp-http', frames: '3-13' });
    expect(rowsOf(html)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    for (const col of ['No.', 'Time', 'Source', 'Destination', 'Protocol', 'Length', 'Info']) expect(html).toContain(`>${col}</th>`);
    expect(html).toMatch(/<tr[^>]*data-frame="3"[^>]*data-colour="http"[^>]*data-selected="true"/);
    expect(html).toContain('GET /forecast/today.html HTTP/1.1');
    expect(html).toContain('data-range="3-13"');
    expect(html).toMatch(/data-src="\/captures\/tcp-http\.pcapng"/);
    // The colouring rules ship as CSS for both themes.
    expect(html).toMatch(/\[data-colour="http"\]\{--row-bg:#e4ffc7/);
  });

  it('renders the selected frame’s field tree and bytes, readable without JavaScript', async () => {
    const html = await render({ capture: 'tcp-http', frames: '1-16' });
    expect(html).toMatch(/data-field="tcp\.seq"[^>]*>\s*<span class="pv-line"[^>]*>Sequence Number: \d+[^<]*<\/span>/);
    expect(html).toContain('Transmission Control Protocol, Src Port: 36450, Dst Port: 80');
    expect(html.match(/data-offset="\d+"/g)).toHaveLength(66);
    expect(html).toMatch(/<span class="pv-off"[^>]*>0040<\/span>/);
    expect(html).toMatch(/data-offset="0"[^>]*>\s*02\s*</);
    // Controls that need JavaScript start hidden; the download link works without it.
    expect(html).toMatch(/<div class="pv-toolbar"[^>]*hidden/);
    expect(html).toMatch(/<a class="pv-download"[^>]*href="\/captures\/tcp-http\.pcapng"[^>]*download="tcp-http\.pcapng"/);
    expect(html).toContain('<noscript>');
  });

  it('opens at the requested frame and shows its notes as callouts', async () => {
    const html = await render({ capture: 'tcp-http', frame: 4 });
    expect(html).toMatch(/<tr[^>]*data-frame="4"[^>]*data-selected="true"/);
    expect(html).toMatch(/class="pv-callout pv-callout-note"[^>]*>\s*<strong[^>]*>Note<\/strong>\s*The 213-byte GET request/);
    const first = await render({ capture: 'tcp-http' });
    // Frame 1's note belongs to the SYN flag: it sits under that field.
    expect(first).toMatch(/data-field="tcp\.flags\.syn"[\s\S]{0,400}?SYN consumes one sequence number/);
    // Frames with notes are marked in the list.
    expect(first).toMatch(/data-frame="4"[\s\S]{0,400}?has a note/);
  });

  it('says the selected frame in plain words, in a polite live region above the tree', async () => {
    // tcp-http frame 1 is a SYN (tcp.flags 0x002 in tshark): the sentence names it and its ports.
    const html = await render({ capture: 'tcp-http' });
    const box = /<div class="fp-sentence"[\s\S]*?<\/div><\/div>/.exec(html)?.[0] ?? '';
    expect(box).toMatch(/role="group"[^>]*aria-labelledby="pv-tcp-http-1-16-say"/);
    expect(box).toMatch(/<div aria-live="polite" data-sentence><p>A SYN from port 36450 to port 80/);
    expect(html.indexOf('fp-sentence')).toBeLessThan(html.indexOf('data-tree'));
    // A DNS response with its code: udp-dns frame 6 is NXDOMAIN (dns.flags.rcode 3 in tshark).
    expect(await render({ capture: 'udp-dns', frame: 6 })).toMatch(/Response code 3, NXDOMAIN/);
  });

  it('renders Expand all, Collapse all and Find in details, hidden until the script wires them', async () => {
    const html = await render({ capture: 'tcp-http' });
    expect(html).toMatch(/<div class="fp-tools" role="group" aria-label="Details tools" data-tree-tools hidden>/);
    expect(html).toMatch(/<button type="button" class="fp-tool" data-tree-act="expand">Expand all<\/button>/);
    expect(html).toMatch(/<button type="button" class="fp-tool" data-tree-act="collapse">Collapse all<\/button>/);
    expect(html).toMatch(/<label for="pv-tcp-http-1-16-find">Find in details<\/label><input id="pv-tcp-http-1-16-find" type="search"/);
  });

  it('escapes packet text and comments, never turning them into markup', async () => {
    const html = await render({ capture: 'markup' });
    expect(html).not.toMatch(/<img\b/);
    expect(html).not.toMatch(/<script>alert/);
    expect(html).not.toContain('<b>not bold</b>');
    expect(html).toContain('GET /&lt;img src=x onerror=alert(1)&gt; HTTP/1.1');
    expect(html).toMatch(/Packet comment<\/strong>\s*&lt;b&gt;not bold&lt;\/b&gt;/);
  });

  it('refuses a range outside the capture, naming the fix', async () => {
    await expect(render({ capture: 'tcp-http', frames: '3-40' })).rejects.toThrow(/frames="3-40" is outside the capture's frames 1 to 16/);
    await expect(render({ capture: 'tcp-http', frames: '3-5', frame: 9 })).rejects.toThrow(/frame=\{9\} is outside the frames shown, 3 to 5/);
  });
});

describe('FrameLink', () => {
  it('renders a real anchor to the frame and field', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(FrameLink, { props: { capture: 'tcp-http', frame: 7, field: 'tcp.ack' }, slots: { default: 'frame 7' } });
    expect(html).toMatch(/<a class="frame-link"[^>]*href="#frame=7&(amp;)?field=tcp\.ack"[^>]*data-frame-link[^>]*data-capture="tcp-http"[^>]*>frame 7<\/a>/);
  });
});
