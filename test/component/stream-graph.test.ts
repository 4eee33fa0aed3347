import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it, vi } from 'vitest';
import StreamGraph from '../../src/components/StreamGraph.astro';

// Content collections do not run in the Container API: read the sidecar and capture from disk.
vi.mock('../../src/lib/captures.ts', () => import('./support/captures-from-disk.ts'));

/** Every id="..." of the markup, and the text of each caption element. */
const idsOf = (html: string) => [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
const captionsOf = (html: string) => [...html.matchAll(/<(figcaption|caption)[^>]*>([^<]*)</g)].map((m) => m[2]);

describe('StreamGraph (server render)', () => {
  it('names each graph and its table by its capture, so two of one kind on a page differ', async () => {
    const container = await AstroContainer.create();
    const cubic = await container.renderToString(StreamGraph, { props: { capture: 'tcp-cubic', stream: 0, kind: 'rtt' } });
    const bbr = await container.renderToString(StreamGraph, { props: { capture: 'tcp-bbr', stream: 0, kind: 'rtt' } });
    expect(captionsOf(cubic)[0]).toMatch(/^Round-trip time: .+ → .+ \(A 1\.5 MB upload with CUBIC over a slow, long path\)$/);
    expect(captionsOf(cubic)[1]).toBe('The points of the Round-trip time graph of “A 1.5 MB upload with CUBIC over a slow, long path”');
    expect(captionsOf(bbr)[1]).toBe('The points of the Round-trip time graph of “The same upload with BBR”');
    // The table's scrolling region is named by that caption.
    const region = /role="region" aria-labelledby="([^"]+)"/.exec(bbr)![1];
    expect(bbr).toContain(`<caption id="${region}">`);
  });

  it('gives the same graph drawn twice its own ids', async () => {
    const container = await AstroContainer.create();
    const props = { capture: 'tcp-cubic', stream: 0, kind: 'window' as const };
    const first = idsOf(await container.renderToString(StreamGraph, { props }));
    const second = idsOf(await container.renderToString(StreamGraph, { props }));
    expect(first.length).toBeGreaterThan(2);
    expect(second.filter((id) => first.includes(id))).toEqual([]);
  });
});
