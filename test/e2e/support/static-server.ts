// A small static file server for the built site, able to serve it under a
// base path as a static host would (e.g. /wirebook/), with the site's 404 page.
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.pcapng': 'application/octet-stream',
  '.pcap': 'application/octet-stream',
  '.png': 'image/png',
};

export interface StaticSite {
  /** The site's root URL, ending in the base path (http://127.0.0.1:PORT/wirebook/). */
  url: string;
  /** Every path requested, in order: lets a test see what was (not) fetched. */
  requests: string[];
  close(): Promise<void>;
}

export async function serveStatic(dir: string, base = '/'): Promise<StaticSite> {
  const root = resolve(dir);
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    const notFound = async () => {
      res.writeHead(404, { 'content-type': types['.html'] });
      res.end(await readFile(join(root, '404.html')).catch(() => 'not found'));
    };
    if (!path.startsWith(base)) return notFound();
    let file = normalize(join(root, path.slice(base.length)));
    if (!file.startsWith(root)) return notFound();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      await notFound();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    requests,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
