// Reading DNS names (RFC 1035 3.1, 4.1.4) with Wireshark's limits, in work
// bounded per name whatever the message holds: a name stops at 256 pointers
// (Wireshark then calls it a loop, whether it loops or only chains that far),
// and its text stops at 255 bytes (Wireshark then shows "<Name too long>").
// Past that text limit only the name's end matters, so runs of labels are
// skipped through a table of where each run ends, shared by the message's
// names: a message whose names all chain through thousands of pointers costs
// linear work, not quadratic.

/** A name read from the message: its text, the bytes it takes where it stands, and how it ended. */
export interface DnsName {
  text: string;
  /** Bytes of the name at its position (up to and including the first pointer). */
  used: number;
  labels: number;
  /** 'ok', a pointer loop (Wireshark shows a marker), a bad name (malformed), or cut by the snaplen. */
  state: 'ok' | 'loop' | 'bad' | 'cut';
}

const LOOP_TEXT = '<Name contains a pointer that loops>';
const TOO_LONG_TEXT = '<Name too long>';
/** Wireshark's MAX_DNAME_LEN: the bytes a name's text may take, and the pointers it may follow. */
const MAX_NAME = 255;

/** Reads the names of one message; `msg` is where the message starts (pointers count from there), `end` where it stops. */
export class DnsNameReader {
  private readonly data: Uint8Array;
  private readonly msg: number;
  private readonly stop: number;
  /** For a label start p (index p - msg): 1 + where the run of whole labels from p ends; 0 while unknown. */
  private readonly runEnds: Int32Array;

  constructor(data: Uint8Array, msg: number, end: number) {
    this.data = data;
    this.msg = msg;
    this.stop = Math.min(end, data.length);
    this.runEnds = new Int32Array(Math.max(0, this.stop - msg));
  }

  /** The name at `at`, read no further than `end` (the message's, or a record's data end). */
  read(at: number, end: number): DnsName {
    const n = this.readWithin(at, end);
    // Running out of captured bytes before the end is a cut, not a bad name.
    if (n.state === 'bad' && this.data.length < end) return { ...n, state: 'cut' };
    return n;
  }

  private readWithin(at: number, end: number): DnsName {
    const { data, msg } = this;
    const stop = Math.min(end, data.length);
    // First find how the name ends, without text: most hostile names end as a loop or too long.
    // (Plain locals, no closure over them: this loop is the hot path.)
    let size = 0;
    let labels = 0;
    let pointers = 0;
    let used = -1;
    let pos = at;
    let badUsed = -1;
    for (;;) {
      if (pos >= stop) {
        badUsed = pos - at;
        break;
      }
      const len = data[pos];
      if (len === 0) {
        if (used < 0) used = pos + 1 - at;
        break;
      }
      if ((len & 0xc0) === 0xc0) {
        if (pos + 1 >= stop) {
          badUsed = pos - at;
          break;
        }
        const target = msg + (((len & 0x3f) << 8) | data[pos + 1]);
        if (used < 0) used = pos + 2 - at;
        // Wireshark counts pointers and gives up after MAX_NAME of them, loop or not.
        if (++pointers > MAX_NAME) return { text: LOOP_TEXT, used, labels: 1, state: 'loop' };
        if (target >= stop) {
          badUsed = used;
          break;
        }
        pos = target;
        continue;
      }
      if ((len & 0xc0) !== 0 || pos + 1 + len > stop) {
        badUsed = (len & 0xc0) !== 0 ? pos + 1 - at : pos - at;
        break;
      }
      if (size >= MAX_NAME) {
        // The text is settled as too long: jump to where this run of labels ends.
        const q = stop <= this.stop ? this.runEnd(pos) : pos;
        pos = q < stop && q > pos ? q : pos + 1 + len;
        continue;
      }
      // Each label costs its bytes and a dot (or, for the first, the place of one).
      size += len + 1;
      labels++;
      pos += 1 + len;
    }
    const text = size >= MAX_NAME ? TOO_LONG_TEXT : undefined;
    if (badUsed >= 0) return { text: text ?? this.text(at, pos, stop), used: used < 0 ? badUsed : used, labels, state: 'bad' };
    if (text) return { text, used, labels: 1, state: 'ok' };
    return { text: labels ? this.text(at, -1, stop) : '<Root>', used, labels, state: 'ok' };
  }

  /** The text of the name at `at`, up to `until` (where it went bad) or its end; the walk is known to be short. */
  private text(at: number, until: number, stop: number): string {
    const { data, msg } = this;
    let text = '';
    let pointers = 0;
    for (let pos = at; pos < stop && pos !== until && pointers <= MAX_NAME; ) {
      const len = data[pos];
      if (len === 0) break;
      if ((len & 0xc0) === 0xc0) {
        if (pos + 1 >= stop) break;
        pos = msg + (((len & 0x3f) << 8) | data[pos + 1]);
        pointers++;
        continue;
      }
      if ((len & 0xc0) !== 0 || pos + 1 + len > stop) break;
      if (text) text += '.';
      for (let i = pos + 1; i <= pos + len; i++) {
        const c = data[i];
        text += c === 0x2e ? '\\.' : c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : `\\${c.toString(8).padStart(3, '0')}`;
      }
      pos += 1 + len;
    }
    return text;
  }

  /** Where the run of whole labels starting at `p` ends (a pointer, the root, a bad byte or a label past the message). */
  private runEnd(p: number): number {
    const { data, msg, stop, runEnds } = this;
    const path: number[] = [];
    let q = p;
    for (;;) {
      const known = runEnds[q - msg];
      if (known) {
        q = known - 1;
        break;
      }
      const len = data[q];
      if (len === 0 || (len & 0xc0) !== 0 || q + 1 + len > stop) break;
      path.push(q);
      q += 1 + len;
      if (q >= stop) break;
    }
    for (const v of path) runEnds[v - msg] = q + 1;
    return q;
  }
}

/** Read one name (a reader for a single look; a message's names should share one). */
export function readName(data: Uint8Array, msg: number, at: number, end: number): DnsName {
  return new DnsNameReader(data, msg, end).read(at, end);
}
