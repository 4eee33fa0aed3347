// The explorer's Statistics from one walk over an opened capture: the IPv4,
// IPv6 and UDP conversation tables, the protocol hierarchy and the expert
// summary (with each entry's frames), the same numbers `tshark -q -z conv,…`,
// `-z io,phs` and `-z expert` print. TCP conversations come from the analysis.

import type { OpenedCapture } from '../open-capture.ts';
import { conversationPackets, type ConvKind } from './conversation-packets.ts';
import { conversations, type ConvPacket, type ConvRow } from './conversations.ts';
import { expertItems } from './expert-items.ts';
import { expertSummary, type ExpertEntry, type ExpertItem } from './expert-summary.ts';
import { statFrames, type StatFrame } from './frame-walk.ts';
import { protocolHierarchy, type PhsNode } from './hierarchy.ts';
import { hierarchyPath } from './hierarchy-path.ts';

export type TableKind = Extract<ConvKind, 'ip' | 'ipv6' | 'udp'>;

export interface CaptureStats {
  conv: Record<TableKind, ConvRow[]>;
  phs: PhsNode[];
  expert: ExpertEntry[];
}

const KINDS: readonly TableKind[] = ['ip', 'ipv6', 'udp'];

/** Counts frame by frame, so a caller can pause between frames (the explorer's Worker does). */
export function statsCollector(cap: OpenedCapture): { add(s: StatFrame): void; finish(): CaptureStats } {
  const packets: Record<TableKind, ConvPacket[]> = { ip: [], ipv6: [], udp: [] };
  const paths: { path: string[]; length: number }[] = [];
  const items: ExpertItem[] = [];
  return {
    add(s) {
      for (const kind of KINDS) packets[kind].push(...conversationPackets([s], kind));
      paths.push({ path: hierarchyPath(s, cap.frames[s.number - 1].comments.length > 0), length: s.length });
      for (const item of expertItems(s.frame.tree)) items.push({ ...item, frame: s.number });
    },
    finish: () => ({
      conv: { ip: conversations(packets.ip), ipv6: conversations(packets.ipv6), udp: conversations(packets.udp) },
      phs: protocolHierarchy(paths),
      expert: expertSummary(items),
    }),
  };
}

export function captureStats(cap: OpenedCapture): CaptureStats {
  const c = statsCollector(cap);
  for (const s of statFrames(cap)) c.add(s);
  return c.finish();
}
