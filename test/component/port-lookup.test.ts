import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it, vi } from 'vitest';
import PortLookup from '../../src/components/PortLookup.astro';

// Content collections do not run in the Container API: read the sidecar and capture from disk.
vi.mock('../../src/lib/captures.ts', () => import('./support/captures-from-disk.ts'));

async function render(props: Record<string, unknown>): Promise<string> {
  const container = await AstroContainer.create();
  return container.renderToString(PortLookup, { props });
}

/** The JSON the server hands to <wb-port-lookup>. */
function payloadOf(html: string): {
  rows: [number, string, string, string?, string?][];
  seen: { port: number; capture: string; role: string; protocol: string }[];
} {
  const m = /<script type="application\/json" data-services>([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error('no data-services script');
  return JSON.parse(m[1]!);
}

describe('PortLookup (server render)', () => {
  it('renders the three RFC 6335 ranges and both default ephemeral ranges as tables, readable without JavaScript', async () => {
    const html = await render({ captures: ['udp-dns'] });
    expect(html).toMatch(/<wb-port-lookup[^>]*class="port-lookup"[^>]*role="region"[^>]*aria-labelledby="([^"]+)"/);
    expect(html).toMatch(/<caption[^>]*>The three port ranges of RFC 6335, section 6<\/caption>/);
    const cells = (attr: string) => {
      const row = new RegExp(`<tr ${attr}[^>]*>(.*?)</tr>`, 's').exec(html)?.[1] ?? '';
      return [...row.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    };
    expect(cells('data-range="system"')).toEqual(['System Ports (well-known ports)Assigned by IANA after IETF review or IESG approval.', '0–1023', '1,024']);
    expect(cells('data-range="user"')).toEqual(['User Ports (registered ports)Assigned by IANA on request, after expert review.', '1024–49151', '48,128']);
    expect(cells('data-range="dynamic"')).toEqual([
      'Dynamic Ports (private or ephemeral ports)Never assigned: left for the operating system to hand out.',
      '49152–65535',
      '16,384',
    ]);
    expect(cells('data-os="linux"')).toEqual(['Linux', '32768–60999', '28,232']);
    expect(cells('data-os="windows"')).toEqual(['Windows', '49152–65535', '16,384']);
  });

  it('lists the well-known services from the services file inside a closed <details>', async () => {
    const html = await render({});
    expect(html).toMatch(/<details class="pl-details"[^>]*>\s*<summary[^>]*>Well-known services \(ports 0–1023\): \d+ service names<\/summary>/);
    expect(html).not.toMatch(/<details[^>]* open/);
    expect(html).toMatch(
      /<th scope="row" rowspan="1" class="pl-num"[^>]*>53<\/th>\s*<td[^>]*><code[^>]*>domain<\/code><\/td>\s*<td[^>]*>tcp, udp<\/td>\s*<td[^>]*>Domain Name Server<\/td>/,
    );
    expect(html).toMatch(/<code[^>]*>http<\/code><span class="pl-aka"[^>]*> \(also www\)<\/span>/);
    // Lines Debian lists below its "not as allocated by IANA" mark say so.
    expect(html).toMatch(
      /<code[^>]*>spamd<\/code><\/td>\s*<td[^>]*>tcp<\/td>\s*<td[^>]*>spamassassin daemon<span class="pl-aka"[^>]*> \(listed by Debian, not an IANA assignment\)/,
    );
    // Sorted by port: 750 (kerberos4, late in the file) comes before 853.
    expect(html.indexOf('>kerberos4<')).toBeLessThan(html.indexOf('>domain-s<'));
    expect(html).toContain('netbase 6.4');
    // Registered ports stay out of the well-known table.
    expect(html).not.toMatch(/<th scope="row"[^>]*>3306<\/th>/);
  });

  it('keeps the form hidden until the script runs, with a labelled input and a live result', async () => {
    const html = await render({ captures: ['udp-dns'] });
    expect(html).toMatch(/<form class="pl-form"[^>]*data-form[^>]*hidden/);
    const id = /<label for="([^"]+)" class="pl-input-label"[^>]*>Port number or service name<\/label>/.exec(html)?.[1];
    expect(id).toBeTruthy();
    expect(html).toMatch(new RegExp(`<input id="${id}" type="text"[^>]*aria-describedby="[^"]+"`));
    expect(html).toMatch(/<div class="pl-result"[^>]*role="status" aria-live="polite" aria-atomic="true" data-result/);
  });

  it('turns the ports of the given captures into quick buttons, read by the decoder', async () => {
    const html = await render({ captures: ['udp-dns', 'tcp-http'] });
    const buttons = [...html.matchAll(/<button type="button" class="pl-chip"[^>]*data-query="(\d+)"[^>]*aria-label="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(buttons).toEqual([
      ['53304', 'Port 53304, client, udp-dns'],
      ['39094', 'Port 39094, client, udp-dns'],
      ['38339', 'Port 38339, client, udp-dns'],
      ['36450', 'Port 36450, client, tcp-http'],
      ['53', 'Port 53, server, udp-dns'],
      ['80', 'Port 80, server, tcp-http'],
    ]);
  });

  it('ships a trimmed table: well-known, notable registered and the captures’ ports only', async () => {
    const html = await render({ captures: ['udp-dns', 'tcp-http'] });
    const { rows, seen } = payloadOf(html);
    expect(rows).toContainEqual([53, 'u', 'domain']);
    expect(rows).toContainEqual([80, 't', 'http', 'www', 'WorldWideWeb HTTP']);
    expect(rows).toContainEqual([3306, 't', 'mysql']);
    expect(rows).toContainEqual([8081, 't', 'tproxy', '', 'Transparent Proxy', 1]);
    expect(rows.map(([port]) => port)).toEqual(rows.map(([port]) => port).sort((a, b) => a - b));
    expect(
      rows.every(([port]) => port <= 1023 || [1080, 1194, 1433, 1812, 2049, 3306, 3389, 5060, 5222, 5353, 5432, 6379, 8080, 8081, 9418].includes(port)),
    ).toBe(true);
    // x11 (6000) is in /etc/services but not shipped.
    expect(rows.some(([port]) => port === 6000)).toBe(false);
    expect(seen).toContainEqual({ port: 53304, capture: 'udp-dns', role: 'client', protocol: 'udp' });
    expect(seen).toContainEqual({ port: 80, capture: 'tcp-http', role: 'server', protocol: 'tcp' });
    expect(html).not.toMatch(/data-services>[^<]*<\/(?!script)/);
  });

  it('fails the build on an unknown capture', async () => {
    await expect(render({ captures: ['no-such-capture'] })).rejects.toThrow();
  });
});
