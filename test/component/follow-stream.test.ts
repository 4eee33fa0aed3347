import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it, vi } from 'vitest';
import FollowStream from '../../src/components/FollowStream.astro';
import { readStatsFixture } from '../golden/stats-views.ts';
import { followBlocks } from '../support/follow-blocks.ts';

// Content collections do not run in the Container API: read the sidecar and capture from disk.
vi.mock('../../src/lib/captures.ts', () => import('./support/captures-from-disk.ts'));

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescaped = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (e) => entities[e]);

/** The rendered chunks, as the reader's browser reads their text. */
function chunks(html: string): { dir: string; text: string }[] {
  return [...html.matchAll(/<span class="fs-chunk[^"]*" data-follow-chunk data-dir="([AB])"[^>]*>([^<]*)<\/span>/g)].map((m) => ({
    dir: m[1],
    text: unescaped(m[2]),
  }));
}

async function render(props: Record<string, unknown>): Promise<string> {
  const container = await AstroContainer.create();
  return container.renderToString(FollowStream, { props });
}

describe('FollowStream (server render)', () => {
  for (const [capture, proto, stream] of [
    ['tcp-http', 'tcp', 0],
    ['udp-dns', 'udp', 0],
    ['udp-dns', 'udp', 2],
  ] as const) {
    it(`renders ${capture} ${proto} stream ${stream} as tshark follows it, one chunk per block`, async () => {
      const html = await render({ capture, proto, stream });
      const expected = followBlocks(readStatsFixture(capture)[`follow,${proto},ascii,${stream}`]);
      expect(expected.length).toBeGreaterThan(1);
      expect(chunks(html)).toEqual(expected);
    });
  }

  it('names both endpoints in a legend, A being the first frame sender', async () => {
    const html = await render({ capture: 'tcp-http', proto: 'tcp', stream: 0 });
    const tshark = readStatsFixture('tcp-http')['follow,tcp,ascii,0'];
    const node = (i: number) => new RegExp(`Node ${i}: (\\S+)`).exec(tshark)![1];
    expect(html).toMatch(/<wb-follow data-follow[^>]*data-proto="tcp" data-stream="0"/);
    expect(html).toContain(`<strong>A: Client (A), ${node(0)}</strong>`);
    expect(html).toContain(`<strong>B: Web server (B), ${node(1)}</strong>`);
    // The view switch and downloads wait for the script.
    expect(html).toMatch(/<div class="fs-controls" data-follow-controls hidden>/);
  });

  it('runs a sender’s consecutive chunks on in one block', async () => {
    const html = await render({ capture: 'tcp-http', proto: 'tcp', stream: 0 });
    const runs = [...html.matchAll(/<span class="fs-run" data-dir="([AB])">/g)].map((m) => m[1]);
    const dirs = chunks(html).map((c) => c.dir);
    const changes = dirs.filter((d, i) => i === 0 || d !== dirs[i - 1]);
    expect(runs).toEqual(changes);
    expect(runs.length).toBeLessThan(dirs.length);
  });

  it('shows hostile payload as text, never markup', async () => {
    const html = await render({ capture: 'markup', proto: 'tcp', stream: 0 });
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('GET /&lt;img src=x onerror=alert(1)&gt; HTTP/1.1');
  });

  it('fails the build on a stream that does not exist', async () => {
    await expect(render({ capture: 'udp-dns', proto: 'tcp', stream: 0 })).rejects.toThrow(/there is no TCP stream 0 \(capture "udp-dns"\)/);
  });
});
