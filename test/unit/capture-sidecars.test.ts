// Every capture sidecar in captures/ is valid, names a capture file that
// exists, and annotates only frames and fields that capture really has.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { readYaml } from '../../src/lib/yaml/yaml-data.ts';
import { describe, expect, it } from 'vitest';
import { captureSchema } from '../../src/content/schemas.ts';
import { openCapture } from '../../src/decoder/open-capture.ts';
import { findAll } from '../../src/decoder/dissect.ts';

const root = join(import.meta.dirname, '../../captures');

function sidecars(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'record' ? [] : sidecars(path);
    return e.name.endsWith('.yaml') && !e.name.endsWith('.spec.yaml') ? [path] : [];
  });
}

const files = sidecars(root);

describe('capture sidecars', () => {
  it('exist for the course', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files.map((f) => [relative(root, f), f]))('%s is valid and its annotations point at real frames and fields', (_name, file) => {
    const data = captureSchema.parse(readYaml(readFileSync(file, 'utf8'), relative(root, file)));
    const capture = openCapture(new Uint8Array(readFileSync(join(dirname(file), data.file))));
    expect(capture.error).toBeUndefined();
    expect(capture.frames.length).toBeGreaterThan(0);
    for (const note of data.annotations) {
      expect(note.frame, `annotation on frame ${note.frame}`).toBeLessThanOrEqual(capture.frames.length);
      if (note.field) {
        expect(findAll(capture.dissect(note.frame).tree, note.field), `frame ${note.frame} has ${note.field}`).not.toHaveLength(0);
      }
    }
  });
});
