// <FrameLink> in lesson prose: an ordinary "#frame=7&field=tcp.ack" link that,
// with JavaScript, selects the frame (and field) on the capture's selection
// bus, scrolls the capture's widget into view and keeps the hash in the URL.
import { parseDeepLink } from './deep-link.ts';
import { selectionFor } from './selection.ts';

export function reducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** The first widget on the page that shows this capture (the packet viewer first). */
function widgetFor(capture: string): HTMLElement | null {
  const id = CSS.escape(capture);
  return document.querySelector(`wb-packet-viewer[data-capture="${id}"]`) ?? document.querySelector(`[data-capture="${id}"]:not(a)`);
}

function onClick(e: MouseEvent): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = (e.target as Element | null)?.closest?.<HTMLAnchorElement>('a[data-frame-link]');
  const capture = a?.dataset.capture;
  const link = a && parseDeepLink(a.hash);
  if (!a || !capture || !link) return;
  const widget = widgetFor(capture);
  if (!widget) return; // nothing to drive: let the browser follow the link
  e.preventDefault();
  history.pushState(null, '', a.hash);
  selectionFor(capture).select({ frame: link.frame, field: link.field }, a);
  widget.scrollIntoView({ behavior: reducedMotion() ? 'auto' : 'smooth', block: 'start' });
}

let installed = false;

/** Listen for FrameLink clicks, once per page. */
export function installFrameLinks(): void {
  if (installed || typeof document === 'undefined') return;
  installed = true;
  document.addEventListener('click', onClick);
}
