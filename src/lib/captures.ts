// Capture files as the pages see them: their bytes on disk (read once per
// build), their public URL under the site's base, and the decoder's view.
import { readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { getEntry } from 'astro:content';
import { openCapture, type OpenedCapture } from '../decoder/open-capture.ts';
import { href } from './url.ts';
import type { Capture } from './course.ts';

/** The path of a capture's file, from its sidecar entry. */
export function captureFilePath(entry: Capture): string {
  return join(process.cwd(), dirname(entry.filePath ?? ''), entry.data.file);
}

/** The URL the built site serves the capture file at. */
export function captureUrl(entry: Capture): string {
  return href(`captures/${entry.id}${extname(entry.data.file)}`);
}

const opened = new Map<string, { entry: Capture; bytes: Uint8Array; capture: OpenedCapture }>();

/** A capture by id, decoded once per build. Unknown ids fail the build with a fix. */
export async function loadCapture(id: string): Promise<{ entry: Capture; bytes: Uint8Array; capture: OpenedCapture }> {
  let hit = opened.get(id);
  if (!hit) {
    const entry = await getEntry('captures', id);
    if (!entry) throw new Error(`capture "${id}" does not exist: add captures/**/${id}.yaml beside the capture file, or fix the name.`);
    const bytes = new Uint8Array(readFileSync(captureFilePath(entry)));
    hit = { entry, bytes, capture: openCapture(bytes) };
    opened.set(id, hit);
  }
  return hit;
}
