// Per-frame numbers kept in fixed-size typed-array chunks: compact for captures of a million
// frames, and growing never copies what is already stored.

const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

type Ctor = Int32ArrayConstructor | Uint32ArrayConstructor | Float64ArrayConstructor | Uint8ArrayConstructor;

export class FrameColumn {
  private chunks: Array<Int32Array | Uint32Array | Float64Array | Uint8Array | undefined> = [];
  private readonly make: Ctor;
  private readonly fill: number;
  /** Chunks below this index were let go (forgetBefore): their frames read as the fill value. */
  private firstKept = 0;
  /** Chunks let go, to be filled again rather than allocated anew. */
  private spare: Array<Int32Array | Uint32Array | Float64Array | Uint8Array> = [];

  constructor(make: Ctor, fill: number) {
    this.make = make;
    this.fill = fill;
  }

  get(i: number): number {
    const c = this.chunks[i >>> CHUNK_BITS];
    return c === undefined ? this.fill : c[i & MASK];
  }

  set(i: number, v: number): void {
    const c = this.chunks[i >>> CHUNK_BITS];
    if (c !== undefined) c[i & MASK] = v;
    else this.grow(i, v);
  }

  /** The first write to a chunk (kept apart so set() stays small enough to inline). */
  private grow(i: number, v: number): void {
    const k = i >>> CHUNK_BITS;
    if (k < this.firstKept) return;
    while (this.chunks.length <= k) this.chunks.push(undefined);
    const reused = this.spare.pop();
    const c = reused ?? new this.make(CHUNK);
    if (reused || this.fill !== 0) c.fill(this.fill);
    this.chunks[k] = c;
    c[i & MASK] = v;
  }

  /**
   * Lets go of the chunks holding only frames below `frame`, for a reader
   * that will not ask about them again (one-pass reading keeps memory flat).
   */
  forgetBefore(frame: number): void {
    const k = frame >>> CHUNK_BITS;
    for (let j = this.firstKept; j < k && j < this.chunks.length; j++) {
      const c = this.chunks[j];
      if (c) this.spare.push(c);
      this.chunks[j] = undefined;
    }
    if (k > this.firstKept) this.firstKept = k;
  }

  bytes(): number {
    let n = 0;
    for (const c of this.chunks) if (c) n += c.byteLength;
    return n;
  }
}
