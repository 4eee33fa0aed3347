// A full garbage collection on demand, for the moment between the two passes:
// the first pass leaves its garbage in the old space, and collecting it
// before the second pass starts keeps the peak memory of a large file down.

import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (!gc) {
    // --expose-gc applies to contexts made after it is set: take gc() from a fresh one.
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  }
  gc();
}
