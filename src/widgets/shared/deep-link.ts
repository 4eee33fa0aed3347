// Deep links into widgets: "#frame=7&field=tcp.ack" (optionally
// "&capture=report-tcp" when a page shows several captures).
import type { Selection } from './selection.ts';

export interface DeepLink extends Selection {
  capture?: string;
}

export function parseDeepLink(hash: string): DeepLink | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const frame = Number(params.get('frame'));
  if (!Number.isInteger(frame) || frame < 1) return undefined;
  const link: DeepLink = { frame };
  const field = params.get('field');
  if (field && /^[a-z0-9_]+(\.[a-z0-9_]+)*$/i.test(field)) link.field = field;
  const capture = params.get('capture');
  if (capture) link.capture = capture;
  return link;
}

export function formatDeepLink(link: DeepLink): string {
  const params = new URLSearchParams();
  if (link.capture) params.set('capture', link.capture);
  params.set('frame', String(link.frame));
  if (link.field) params.set('field', link.field);
  return `#${params.toString()}`;
}
