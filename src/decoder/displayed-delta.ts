// frame.time_delta_displayed counts from the previous frame shown. A frame's
// dissection is made (and cached) once, counting from the previous captured
// frame, as when every frame is shown; a view under a display filter knows
// which frame it showed before, and rewrites this one field for it.

import type { Field, FrameRecord } from './types.ts';
import { frameFields } from './layers/frame.ts';
import { displayLine, showText } from './fields/format.ts';

const SPEC = frameFields.timeDeltaDisplayed;

/**
 * `tree` (not changed) with frame.time_delta_displayed counted from `previous`,
 * the frame shown before `record`; none (the first frame shown) counts 0, as tshark does.
 */
export function withDisplayedDelta(tree: readonly Field[], record: FrameRecord, previous: FrameRecord | undefined): Field[] {
  const delta = previous ? record.timestamp - previous.timestamp : 0n;
  return tree.map((node) =>
    node.name === frameFields.frame.name && node.children
      ? {
          ...node,
          children: node.children.map((f) =>
            f.name === SPEC.name ? { ...f, value: delta, show: showText(SPEC, delta), display: displayLine(SPEC, delta) } : f,
          ),
        }
      : node,
  );
}
