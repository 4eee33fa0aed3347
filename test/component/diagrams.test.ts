import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it, vi } from 'vitest';
import HeaderDiagram from '../../src/components/HeaderDiagram.astro';
import SequenceDiagram from '../../src/components/SequenceDiagram.astro';

// Content collections do not run in the Container API: read the sidecar and capture from disk.
vi.mock('../../src/lib/captures.ts', () => import('./support/captures-from-disk.ts'));

describe('HeaderDiagram (server render)', () => {
  it('draws the SYN header with its values, readable without JavaScript', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(HeaderDiagram, { props: { capture: 'tcp-http', frame: 1, layer: 'tcp' } });
    expect(html).toMatch(/<wb-header-diagram[^>]*data-capture="tcp-http"[^>]*data-src="\/captures\/tcp-http\.pcapng"[^>]*data-layer="tcp"[^>]*data-frame="1"/);
    expect(html).toContain('role="listbox"');
    expect(html).toContain('aria-label="Transmission Control Protocol header of frame 1, one row per 32 bits"');
    // Window, flags and options, each a box with the field's name.
    expect(html).toMatch(/data-field="tcp\.window_size_value"[^>]*role="option"[^>]*>.*?64240/);
    expect(html).toMatch(/data-field="tcp\.flags\.syn"[^>]*role="option"[^>]*><span class="hd-label">SYN/);
    expect(html).toMatch(/style="grid-column:1\/span 32;grid-row:6\/span 1" data-field="tcp\.options\.mss"/);
    expect(html).toContain('Calculated window size');
  });

  it('marks a chosen field selected', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(HeaderDiagram, { props: { capture: 'tcp-http', frame: 4, layer: 'tcp', field: 'tcp.flags.push' } });
    expect(html).toMatch(/data-field="tcp\.flags\.push"[^>]*role="option" aria-selected="true"/);
    expect(html).toMatch(/data-field="tcp\.payload"/);
  });

  it('says so when the frame has no such layer', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(HeaderDiagram, { props: { capture: 'tcp-http', frame: 1, layer: 'udp' } });
    expect(html).toContain('Frame 1 has no User Datagram Protocol header.');
  });

  it('fails the build with the fix on a bad frame or layer', async () => {
    const container = await AstroContainer.create();
    await expect(container.renderToString(HeaderDiagram, { props: { capture: 'tcp-http', frame: 99, layer: 'tcp' } })).rejects.toThrow(/frames 1 to 16/);
    await expect(container.renderToString(HeaderDiagram, { props: { capture: 'tcp-http', frame: 1, layer: 'sctp' } })).rejects.toThrow(/unknown layer "sctp"/);
  });
});

describe('SequenceDiagram (server render)', () => {
  it('renders the ladder as an image with a title and description, and a table of the same segments', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(SequenceDiagram, { props: { capture: 'tcp-http', stream: 0 } });
    expect(html).toMatch(/<svg class="sd-svg"[^>]*role="img" aria-labelledby="sd-tcp-http-0-title sd-tcp-http-0-desc"/);
    expect(html).toContain('<title id="sd-tcp-http-0-title">Sequence diagram of the TCP connection between Client (A) and Web server (B)</title>');
    expect(html.match(/<g class="sd-arrow /g)).toHaveLength(16);
    expect(html).toContain('SYN, ACK  seq 0  ack 1  len 0');
    expect(html).toContain('>capture point<');
    // The table: 16 rows, the first one current, directions and relative numbers.
    expect(html.match(/<tr data-frame=/g)).toHaveLength(16);
    expect(html).toMatch(
      /<tr data-frame="1" data-index="0" aria-current="true"><td>1<\/td><td>0\.000000<\/td><td>A → B<\/td><td>SYN<\/td><td>0<\/td><td><\/td><td>0<\/td>/,
    );
    expect(html).toContain('A is Client (A), 10.77.0.1:36450; B is Web server (B), 10.77.0.2:80.');
    // States from the analysis beside the lines; the controls wait for JavaScript.
    expect(html).toContain('>SYN-SENT<');
    expect(html).toMatch(/<div class="sd-controls" data-controls hidden/);
    expect(html).toContain('<script type="application/json" data-model>');
  });

  it('fails the build on a stream that is not in the capture', async () => {
    const container = await AstroContainer.create();
    await expect(container.renderToString(SequenceDiagram, { props: { capture: 'tcp-http', stream: 3 } })).rejects.toThrow(/no TCP stream 3/);
  });
});
