// A capture file fetched and opened once per page, however many widgets show
// it: the URL is the key (captures are served at ${base}captures/ID.pcapng).
// The decoder is a chunk of its own, imported here on first use: widgets work
// on their server render until a reader asks for a frame it does not hold.
import type { OpenedCapture } from '../../decoder/open-capture.ts';

const opened = new Map<string, Promise<OpenedCapture>>();

export function captureFrom(url: string): Promise<OpenedCapture> {
  let p = opened.get(url);
  if (!p) {
    const bytes = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
      return r.arrayBuffer();
    });
    p = Promise.all([bytes, import('../../decoder/open-capture.ts')]).then(([b, { openCapture }]) => openCapture(new Uint8Array(b)));
    p.catch(() => opened.delete(url));
    opened.set(url, p);
  }
  return p;
}
