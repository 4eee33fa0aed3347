// The keys of the bytes pane: where the byte cursor goes, a grid of `perLine`
// columns over `count` bytes.

const PAGE_LINES = 8;

/** The byte the key moves to (kept within the bytes), or undefined for a key the pane leaves alone. */
export function byteKey(key: string, ctrl: boolean, cursor: number, perLine: number, count: number): number | undefined {
  const start = cursor - (cursor % perLine);
  const last = count - 1;
  const moves: Record<string, number> = {
    ArrowRight: cursor + 1,
    ArrowLeft: cursor - 1,
    ArrowDown: cursor + perLine,
    ArrowUp: cursor - perLine,
    Home: ctrl ? 0 : start,
    End: ctrl ? last : Math.min(start + perLine - 1, last),
    PageDown: cursor + perLine * PAGE_LINES,
    PageUp: cursor - perLine * PAGE_LINES,
  };
  if (!(key in moves) || count === 0) return undefined;
  return Math.max(0, Math.min(last, moves[key]));
}
