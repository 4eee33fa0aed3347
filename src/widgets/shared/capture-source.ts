// A capture file fetched and opened once per page, however many widgets show
// it: the URL is the key (captures are served at ${base}captures/ID.pcapng).
import { openCapture, type OpenedCapture } from '../../decoder/open-capture.ts';

const opened = new Map<string, Promise<OpenedCapture>>();

export function captureFrom(url: string): Promise<OpenedCapture> {
  let p = opened.get(url);
  if (!p) {
    p = fetch(url)
      .then((r) => {
        if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
        return r.arrayBuffer();
      })
      .then((b) => openCapture(new Uint8Array(b)));
    p.catch(() => opened.delete(url));
    opened.set(url, p);
  }
  return p;
}
