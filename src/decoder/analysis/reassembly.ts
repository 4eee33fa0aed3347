// Reassembly of one direction's TCP payload into application messages, to tell which frame
// completed each message (tcp.reassembled_in on the earlier frames, the segment list on the last).
// Only the message boundaries are tracked: bytes are scanned as they pass and not kept, except a
// bounded copy of the current HTTP header. Supported: HTTP/1.x (Content-Length, chunked, several
// messages per connection) and DNS over TCP (RFC 1035 4.2.2 two-byte length prefix).
import type { ReassemblyInfo } from './tcp-analyzer.ts';

export interface PduTracker {
  /** Bytes of one segment; relSeq is the relative sequence number of its first byte. */
  push(frame: number, relSeq: number, len: number, payload: Uint8Array | undefined, time?: bigint): void;
  /**
   * End of capture: a message still open is left unreassembled (as Wireshark
   * leaves it), its frames marked unfinished.
   */
  flush(): void;
}

/** Splits a byte stream into messages; returns how many bytes of `b` from `off` belong to the
 * current message, and whether the message ended there. */
interface Framer {
  feed(b: Uint8Array, off: number, end: number): { used: number; done: boolean };
  reset(): void;
}

const HTTP_STARTS = ['GET ', 'POST ', 'PUT ', 'HEAD ', 'DELETE ', 'OPTIONS ', 'PATCH ', 'CONNECT ', 'TRACE ', 'HTTP/1.'];

export function looksLikeHttp(b: Uint8Array): boolean {
  outer: for (const s of HTTP_STARTS) {
    if (b.length < s.length) continue;
    for (let i = 0; i < s.length; i++) if (b[i] !== s.charCodeAt(i)) continue outer;
    return true;
  }
  return false;
}

function dnsFramer(): Framer {
  let need = -1; // -1: reading the length prefix
  let lenBytes = 0;
  let len = 0;
  return {
    feed(b, off, end) {
      let i = off;
      while (i < end) {
        if (need < 0) {
          len = (len << 8) | b[i++];
          if (++lenBytes === 2) {
            need = len;
            if (need === 0) {
              need = -1;
              lenBytes = 0;
              len = 0;
              return { used: i - off, done: true };
            }
          }
        } else {
          const take = Math.min(need, end - i);
          i += take;
          need -= take;
          if (need === 0) {
            need = -1;
            lenBytes = 0;
            len = 0;
            return { used: i - off, done: true };
          }
        }
      }
      return { used: i - off, done: false };
    },
    reset() {
      need = -1;
      lenBytes = 0;
      len = 0;
    },
  };
}

const H_HEAD = 0,
  H_BODY = 1,
  H_CHUNK_SIZE = 2,
  H_CHUNK_DATA = 3,
  H_CHUNK_CRLF = 4,
  H_TRAILER = 5,
  H_TO_CLOSE = 6;

/** What a message's head says, for request/response matching: a request (and its full URI) or a response. */
export interface HttpHead {
  request: boolean;
  uri?: string;
}

function httpFramer(onHead: (h: HttpHead) => void = () => {}): Framer {
  let state = H_HEAD;
  let head = '';
  let tail = 0; // last four bytes, to find CRLFCRLF across segments
  let remaining = 0;
  let line = '';
  const parseHead = (): void => {
    const lines = head.split('\r\n');
    const first = lines[0] ?? '';
    const isResponse = first.startsWith('HTTP/');
    let cl = -1;
    let chunked = false;
    for (let i = 1; i < lines.length; i++) {
      const c = lines[i].indexOf(':');
      if (c < 0) continue;
      const name = lines[i].slice(0, c).trim().toLowerCase();
      const value = lines[i].slice(c + 1).trim();
      if (name === 'content-length') cl = parseInt(value, 10);
      else if (name === 'transfer-encoding' && /chunked/i.test(value)) chunked = true;
    }
    const code = isResponse ? parseInt(first.split(' ')[1] ?? '', 10) : 0;
    const host = lines
      .find((l) => /^host:/i.test(l))
      ?.slice(5)
      .trim();
    const target = isResponse ? '' : (first.split(' ')[1] ?? '');
    onHead({ request: !isResponse, ...(host ? { uri: `http://${host}${target}` } : {}) });
    const noBody = isResponse && (code < 200 || code === 204 || code === 304);
    head = '';
    if (noBody) state = -1;
    else if (chunked) {
      state = H_CHUNK_SIZE;
      line = '';
    } else if (cl > 0) {
      state = H_BODY;
      remaining = cl;
    } else if (cl < 0 && isResponse) state = H_TO_CLOSE;
    else state = -1;
  };
  return {
    feed(b, off, end) {
      let i = off;
      while (i < end) {
        if (state === H_HEAD) {
          const c = b[i++];
          // A header this long is not HTTP after all: stop looking for messages here.
          if (head.length >= 65536) {
            state = H_TO_CLOSE;
            head = '';
            continue;
          }
          head += String.fromCharCode(c);
          tail = ((tail << 8) | c) >>> 0;
          if (tail === 0x0d0a0d0a) {
            head = head.slice(0, -4);
            tail = 0;
            parseHead();
            if ((state as number) === -1) {
              state = H_HEAD;
              return { used: i - off, done: true };
            }
          }
        } else if (state === H_BODY || state === H_CHUNK_DATA) {
          const take = Math.min(remaining, end - i);
          i += take;
          remaining -= take;
          if (remaining === 0) {
            if (state === H_BODY) {
              state = H_HEAD;
              return { used: i - off, done: true };
            }
            state = H_CHUNK_CRLF;
          }
        } else if (state === H_CHUNK_CRLF) {
          if (b[i++] === 0x0a) {
            state = H_CHUNK_SIZE;
            line = '';
          }
        } else if (state === H_CHUNK_SIZE || state === H_TRAILER) {
          const c = b[i++];
          if (c !== 0x0a) {
            if (line.length < 1024) line += String.fromCharCode(c);
            continue;
          }
          const text = line.replace(/\r$/, '');
          line = '';
          if (state === H_CHUNK_SIZE) {
            const size = parseInt(text.split(';')[0], 16);
            if (!(size > 0)) state = H_TRAILER;
            else {
              state = H_CHUNK_DATA;
              remaining = size;
            }
          } else if (text === '') {
            state = H_HEAD;
            return { used: i - off, done: true };
          }
        } else {
          // Body delimited by the connection's end: everything to the end belongs to it.
          i = end;
        }
      }
      return { used: i - off, done: false };
    },
    reset() {
      state = H_HEAD;
      head = '';
      tail = 0;
      remaining = 0;
      line = '';
    },
  };
}

/** HTTP messages, each in the frame that completes it, in capture order: for request/response matching. */
export interface HttpMessage extends HttpHead {
  frame: number;
  time: bigint;
  /** The TCP stream the message travels in. */
  stream: number;
}

export function createPduTracker(srcPort: number, dstPort: number, out: ReassemblyInfo, stream = -1): PduTracker {
  let framer: Framer | null = null;
  let head: HttpHead | null = null;
  let now = 0n;
  let decided = false;
  let kind = '';
  let expected = -1;
  let frames: number[] = [];
  let lengths: number[] = [];
  let offsets: number[] = [];
  let total = 0;
  let lost = false;

  const complete = (): void => {
    if (kind === 'http' && head && frames.length) {
      out.httpMessages?.push({ ...head, frame: frames[frames.length - 1], time: now, stream });
      head = null;
    }
    if (frames.length > 1) {
      const last = frames[frames.length - 1];
      for (let i = 0; i < frames.length - 1; i++) if (frames[i] !== last) out.reassembledIn.set(frames[i], last);
      out.segments.set(last, { frames, lengths, offsets, total, kind });
    }
    frames = [];
    lengths = [];
    offsets = [];
    total = 0;
  };

  return {
    push(frame, relSeq, len, payload, time = 0n) {
      now = time;
      if (!decided) {
        decided = true;
        if (!payload) return;
        if (srcPort === 53 || dstPort === 53) {
          framer = dnsFramer();
          kind = 'dns';
        } else if (looksLikeHttp(payload)) {
          framer = httpFramer((h) => {
            head = h;
          });
          kind = 'http';
        }
        expected = relSeq;
      }
      if (!framer) return;
      if (!payload || payload.length < len) {
        // Bytes not captured: give up the current message.
        frames = [];
        lengths = [];
        offsets = [];
        total = 0;
        lost = true;
        framer.reset();
        expected = (relSeq + len) >>> 0;
        return;
      }
      let off = 0;
      const d = (relSeq - expected) | 0;
      if (d < 0) {
        off = -d;
        if (off >= len) return;
      } else if (d > 0) {
        frames = [];
        lengths = [];
        offsets = [];
        total = 0;
        lost = true;
        framer.reset();
      }
      expected = (relSeq + len) >>> 0;
      if (lost) {
        // Resynchronise only where a new message visibly starts.
        if (kind !== 'http' || !looksLikeHttp(payload.subarray(off))) return;
        lost = false;
      }
      while (off < len) {
        const r = framer.feed(payload, off, len);
        if (r.used > 0) {
          frames.push(frame);
          offsets.push(off);
          lengths.push(r.used);
          total += r.used;
        }
        off += r.used;
        if (r.done) complete();
        else break;
      }
    },
    flush() {
      for (const [i, f] of frames.entries()) out.unfinished?.set(f, offsets[i]);
      frames = [];
      lengths = [];
      offsets = [];
      total = 0;
    },
  };
}
