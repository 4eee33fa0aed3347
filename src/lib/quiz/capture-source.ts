// Where questions get their captures: the site's capture collection (the
// build), or, for component tests that run without the content layer, a
// loader they provide.
import { loadCapture } from '../captures.ts';
import type { OpenedCapture } from '../../decoder/open-capture.ts';

type Loader = (id: string) => Promise<OpenedCapture>;

let loader: Loader = async (id) => (await loadCapture(id)).capture;

export function captureFor(id: string): Promise<OpenedCapture> {
  return loader(id);
}

/** Replaces the loader (tests only). */
export function setCaptureLoader(next: Loader): void {
  loader = next;
}
