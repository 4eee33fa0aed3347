// Which subtrees of the details tree are open. As the lesson viewer always
// started them: every protocol open except Frame, deeper subtrees closed. The
// reader's own choice wins and is kept by field name from frame to frame, as
// Wireshark keeps it.
import type { Field } from '../../decoder/types.ts';

/** The key a subtree's state is remembered by: its field name, else its label (lines without a name). */
const keyOf = (f: Field): string => f.name || `:${f.label || f.display}`;

export class OpenState {
  #open = new Set<string>();
  #closed = new Set<string>();

  isOpen(field: Field, depth: number): boolean {
    const key = keyOf(field);
    if (this.#open.has(key)) return true;
    if (this.#closed.has(key)) return false;
    return depth === 0 && field.name !== 'frame';
  }

  set(field: Field, open: boolean): void {
    const key = keyOf(field);
    (open ? this.#open : this.#closed).add(key);
    (open ? this.#closed : this.#open).delete(key);
  }
}
