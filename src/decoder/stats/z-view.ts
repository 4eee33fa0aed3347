// One `-z` view of an opened capture, named as tshark names it
// ("follow,tcp,ascii,0", "conv,udp", "io,phs", "expert"), as tshark prints it.

import type { OpenedCapture } from '../open-capture.ts';
import { CONV_KINDS, conversationPackets, type ConvKind } from './conversation-packets.ts';
import { conversations } from './conversations.ts';
import { conversationsText } from './conversations-text.ts';
import { followCapture } from './follow-capture.ts';
import { FOLLOW_MODES, followText, type FollowMode } from './follow-text.ts';
import { expertItems } from './expert-items.ts';
import { expertSummary, expertText } from './expert-summary.ts';
import { statFrames } from './frame-walk.ts';
import { hierarchyText, protocolHierarchy } from './hierarchy.ts';
import { hierarchyPath } from './hierarchy-path.ts';

export type ZView =
  | { kind: 'follow'; proto: 'tcp' | 'udp'; mode: FollowMode; stream: number }
  | { kind: 'conv'; type: ConvKind }
  | { kind: 'phs' }
  | { kind: 'expert' };

/** The view an argument names, or an error message saying what is accepted. */
export function parseZ(arg: string): ZView | { error: string } {
  const parts = arg.split(',');
  if (parts[0] === 'follow') {
    const [, proto, mode, n] = parts;
    if (proto !== 'tcp' && proto !== 'udp') return { error: `'${arg}': follow takes tcp or udp (follow,tcp,ascii,0)` };
    if (!FOLLOW_MODES.includes(mode as FollowMode)) return { error: `'${arg}': the mode is one of ${FOLLOW_MODES.join(', ')}` };
    if (parts.length !== 4 || !/^\d+$/.test(n)) return { error: `'${arg}': follow needs a stream number (follow,${proto},${mode},0)` };
    return { kind: 'follow', proto, mode: mode as FollowMode, stream: Number(n) };
  }
  if (parts[0] === 'conv' && parts.length === 2) {
    if (!CONV_KINDS.includes(parts[1] as ConvKind)) return { error: `'${arg}': conversations of ${CONV_KINDS.join(', ')}` };
    return { kind: 'conv', type: parts[1] as ConvKind };
  }
  if (arg === 'io,phs') return { kind: 'phs' };
  if (arg === 'expert') return { kind: 'expert' };
  return { error: `'${arg}' is not a view wirebook prints (follow,tcp|udp,ascii|hex|raw,N; conv,${CONV_KINDS.join('|')}; io,phs; expert)` };
}

// Frame by frame, so that no more dissections are held than the capture's cache keeps.
function* mapEach<T, U>(items: Iterable<T>, f: (t: T) => U): Generator<U> {
  for (const t of items) yield f(t);
}

function* flatEach<T, U>(items: Iterable<T>, f: (t: T) => Iterable<U>): Generator<U> {
  for (const t of items) yield* f(t);
}

export function zViewText(cap: OpenedCapture, view: ZView): string {
  switch (view.kind) {
    case 'follow':
      return followText(followCapture(cap, view.proto, view.stream), view.mode);
    case 'conv':
      return conversationsText(view.type, conversations(conversationPackets(statFrames(cap), view.type)));
    case 'phs': {
      const frames = mapEach(statFrames(cap), (s) => ({ path: hierarchyPath(s, cap.frames[s.number - 1].comments.length > 0), length: s.length }));
      return hierarchyText(protocolHierarchy(frames));
    }
    case 'expert': {
      const items = flatEach(statFrames(cap), (s) => expertItems(s.frame.tree));
      return expertText(expertSummary(items));
    }
  }
}
