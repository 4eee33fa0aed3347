// The captures as src/lib/captures.ts gives them to pages, but read straight
// from disk: the Container API has no content collections. Component tests
// mock '../../src/lib/captures.ts' with this.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readYaml } from '../../../src/lib/yaml/yaml-data.ts';
import { captureSchema } from '../../../src/content/schemas.ts';
import { openCapture } from '../../../src/decoder/open-capture.ts';

const dir = join(process.cwd(), 'captures/recorded');

export async function loadCapture(id: string): Promise<{
  entry: { id: string; data: ReturnType<typeof captureSchema.parse>; filePath: string };
  bytes: Uint8Array;
  capture: ReturnType<typeof openCapture>;
}> {
  if (id === 'markup') return markupCapture();
  const data = captureSchema.parse(readYaml(readFileSync(join(dir, `${id}.yaml`), 'utf8'), `captures/recorded/${id}.yaml`));
  const bytes = new Uint8Array(readFileSync(join(dir, data.file)));
  return { entry: { id, data, filePath: `captures/recorded/${id}.yaml` }, bytes, capture: openCapture(bytes) };
}

export function captureUrl(entry: { id: string; data: { file: string } }): string {
  return `/captures/${entry.id}.${entry.data.file.split('.').pop()}`;
}

/**
 * A capture whose packet text is markup: frame 4 of tcp-http with a request
 * line and Host header made of HTML, and a packet comment made of HTML.
 */
export async function markupCapture() {
  const { writePcapng } = await import('../../../src/decoder/capture/write-pcapng.ts');
  const base = await loadCapture('tcp-http');
  const data = new Uint8Array(base.capture.data(4));
  data.set(new TextEncoder().encode('GET /<img src=x onerror=alert(1)> HTTP/1.1\r\nHost: <script>alert(2)</script>\r\n\r\n'), 54);
  const bytes = writePcapng([{ linkType: 1, timestamp: base.capture.frames[3].timestamp, data, comments: ['<b>not bold</b>'] }]);
  return { entry: { ...base.entry, id: 'markup' }, bytes, capture: openCapture(bytes) };
}
