// Serves every capture file as a static download (and for the widgets to
// fetch): /captures/ID.pcapng, under the site's base path.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { captureFilePath } from '../../lib/captures.ts';

export const getStaticPaths = (async () => {
  const captures = await getCollection('captures');
  return captures.map((entry) => ({
    params: { file: `${entry.id}${extname(entry.data.file)}` },
    props: { path: captureFilePath(entry) },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(readFileSync((props as { path: string }).path), {
    headers: { 'content-type': 'application/vnd.tcpdump.pcap' },
  });
