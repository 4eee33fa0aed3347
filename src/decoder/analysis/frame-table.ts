// Per-frame numbers kept in fixed-size typed-array chunks: compact for captures of a million
// frames, and growing never copies what is already stored.

const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

type Ctor = Int32ArrayConstructor | Uint32ArrayConstructor | Float64ArrayConstructor | Uint8ArrayConstructor;

export class FrameColumn {
  private chunks: Array<Int32Array | Uint32Array | Float64Array | Uint8Array> = [];
  private readonly make: Ctor;
  private readonly fill: number;

  constructor(make: Ctor, fill: number) {
    this.make = make;
    this.fill = fill;
  }

  get(i: number): number {
    const c = this.chunks[i >>> CHUNK_BITS];
    return c === undefined ? this.fill : c[i & MASK];
  }

  set(i: number, v: number): void {
    const k = i >>> CHUNK_BITS;
    let c = this.chunks[k];
    if (c === undefined) {
      while (this.chunks.length <= k) this.chunks.push(undefined as never);
      c = new this.make(CHUNK);
      if (this.fill !== 0) c.fill(this.fill);
      this.chunks[k] = c;
    }
    c[i & MASK] = v;
  }

  bytes(): number {
    let n = 0;
    for (const c of this.chunks) if (c) n += c.byteLength;
    return n;
  }
}
