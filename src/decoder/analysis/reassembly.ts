// Reassembly of one direction's TCP payload into application messages, to tell which frame
// completed each message (tcp.reassembled_in on the earlier frames, the segment list on the last).
// Only the message boundaries are tracked: bytes are scanned as they pass and not kept, except a
// bounded copy of the current HTTP header. Supported: HTTP/1.x (Content-Length, chunked, several
// messages per connection) and DNS over TCP (RFC 1035 4.2.2 two-byte length prefix).
//
// Segments are taken as tshark -2 takes them (reassemble_out_of_order off), rules found by
// experiment with tshark 4.0:
// - a message is open from its first segment until every byte up to its end (known from its
//   head) has arrived; it completes in whichever frame brings the last missing bytes, and its
//   segments are listed in sequence order;
// - a segment inside an open message is added to it, even after a gap, and bytes past the
//   message's end start the next message;
// - a segment inside no open message starts a new one when it looks like one (an HTTP method or
//   status line), else it is no message at all;
// - plain and spurious retransmissions are not added (the caller leaves them out); fast
//   retransmissions are added as any segment;
// - an out-of-order segment is added to the open message it falls in, but nothing in it is
//   dissected: a message it completes shows its segments and no application layer, and bytes
//   past that message's end start nothing;
// - a message whose end depends on reading its bytes (HTTP head still incomplete, chunked body)
//   goes on only with the segment that starts where its read bytes end;
// - a message still open at the end of the capture stays unfinished: every segment held.
import { bindings } from '../bindings.ts';
import type { ReassemblyInfo } from './tcp-analyzer.ts';

export interface PduTracker {
  /** Bytes of one segment; relSeq is the relative sequence number of its first byte. */
  push(frame: number, relSeq: number, len: number, payload: Uint8Array | undefined, time?: bigint, outOfOrder?: boolean, app?: string): void;
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
  /** Bytes the message still needs when its head has told (a length), else -1. */
  pending(): number;
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
    pending: () => need,
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
          // As tshark, a head of any length ends at its blank line; only its first 64 KiB are
          // kept to read the message's length from (a header flood must not grow a string).
          if (head.length < MAX_HEAD) head += String.fromCharCode(c);
          tail = ((tail << 8) | c) >>> 0;
          if (tail === 0x0d0a0d0a) {
            if (head.endsWith('\r\n\r\n')) head = head.slice(0, -4);
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
    pending: () => (state === H_BODY ? remaining : -1),
  };
}

/** HTTP messages, each in the frame that completes it, in capture order: for request/response matching. */
export interface HttpMessage extends HttpHead {
  frame: number;
  time: bigint;
  /** The TCP stream the message travels in. */
  stream: number;
}

/** One message being reassembled: where it starts and ends, and which segments gave which bytes. */
interface OpenMessage {
  start: number;
  /** One past its last byte (relative sequence number), or -1 while only reading tells. */
  end: number;
  /** End unknown: the framer has read the bytes up to here. */
  read: number;
  framer: Framer | null;
  head: HttpHead | null;
  /** Bytes from start are all here up to this; later parts wait in `ahead`. */
  contiguous: number;
  ahead: Array<[number, number]>;
  frames: number[];
  /** Relative sequence number of each part, its length, and where it sits in its payload. */
  seqs: number[];
  lengths: number[];
  offsets: number[];
}

/** Open messages kept per direction; the oldest beyond this is given up as unfinished. */
const MAX_OPEN = 32;
/** Bytes of an HTTP head kept to parse (the rest is only scanned for its end). */
const MAX_HEAD = 65536;
/** Recent segments that were part of no message, kept to be claimed by a message opened later. */
const MAX_LOOSE = 256;

const after = (a: number, b: number): boolean => ((a - b) | 0) > 0;

export function createPduTracker(srcPort: number, dstPort: number, out: ReassemblyInfo, stream = -1): PduTracker {
  let decided = false;
  let kind = '';
  let now = 0n;
  const open: OpenMessage[] = [];
  // Frame, sequence number and length of recent segments that were part of no message.
  const loose: Array<[number, number, number]> = [];

  const newFramer = (m: { head: HttpHead | null }): Framer =>
    kind === 'dns'
      ? dnsFramer()
      : httpFramer((h) => {
          m.head = h;
        });

  const noteHttp = (head: HttpHead | null, frame: number): void => {
    if (kind === 'http' && head) out.httpMessages?.push({ ...head, frame, time: now, stream });
  };

  const addPart = (m: OpenMessage, frame: number, seq: number, len: number, off: number): void => {
    m.frames.push(frame);
    m.seqs.push(seq);
    m.lengths.push(len);
    m.offsets.push(off);
    const stop = (seq + len) >>> 0;
    if (after(seq, m.contiguous)) {
      m.ahead.push([seq, stop]);
      return;
    }
    if (after(stop, m.contiguous)) m.contiguous = stop;
    // Parts that arrived before a gap now filled.
    for (let moved = true; moved && m.ahead.length; ) {
      moved = false;
      for (let i = 0; i < m.ahead.length; i++) {
        const [a, b] = m.ahead[i];
        if (after(a, m.contiguous)) continue;
        if (after(b, m.contiguous)) m.contiguous = b;
        m.ahead.splice(i--, 1);
        moved = true;
      }
    }
  };

  const complete = (m: OpenMessage, frame: number, dissected: boolean): void => {
    open.splice(open.indexOf(m), 1);
    if (dissected) noteHttp(m.head, frame);
    // tshark lists the parts in sequence order, whatever order they came in.
    const order = m.seqs.map((_, i) => i).sort((a, b) => (m.seqs[a] - m.seqs[b]) | 0 || a - b);
    const frames = order.map((i) => m.frames[i]);
    const lengths = order.map((i) => m.lengths[i]);
    const offsets = order.map((i) => m.offsets[i]);
    for (const f of frames) if (f !== frame) out.reassembledIn.set(f, frame);
    const total = lengths.reduce((a, b) => a + b, 0);
    out.segments.set(frame, { frames, lengths, offsets, total, kind, completedIn: frame });
  };

  const unfinished = (m: OpenMessage): void => {
    m.frames.forEach((f, i) => {
      if (!out.unfinished?.has(f)) out.unfinished?.set(f, m.offsets[i]);
    });
  };

  /** Messages starting at `off` in this segment (dissected as tshark does: in order, not out of order). */
  const startMessages = (frame: number, seq: number, len: number, payload: Uint8Array, off: number): void => {
    while (off < len) {
      if (kind === 'http' && !looksLikeHttp(payload.subarray(off, len))) return;
      const at = (seq + off) >>> 0;
      const m: OpenMessage = {
        start: at,
        end: -1,
        read: at,
        framer: null,
        head: null,
        contiguous: at,
        ahead: [],
        frames: [],
        seqs: [],
        lengths: [],
        offsets: [],
      };
      const framer = newFramer(m);
      const r = framer.feed(payload, off, len);
      if (r.done) {
        // The whole message is in this segment: nothing to reassemble.
        noteHttp(m.head, frame);
        off += r.used;
        continue;
      }
      addPart(m, frame, at, r.used, off);
      m.read = (at + r.used) >>> 0;
      const p = framer.pending();
      if (p >= 0) m.end = (m.read + p) >>> 0;
      else m.framer = framer;
      open.push(m);
      if (open.length > MAX_OPEN) unfinished(open.shift() as OpenMessage);
      if (m.end >= 0) claimLoose(m);
      return;
    }
  };

  /**
   * A message opened by a segment resent after later ones passed (its head was lost): tshark's
   * second pass finds those later segments inside it and holds them too, though the first pass
   * dissected them apart, so the message can never complete with them.
   */
  const claimLoose = (m: OpenMessage): void => {
    for (let i = 0; i < loose.length; i++) {
      const [f, seq] = loose[i];
      if (after(seq, m.start) && after(m.end, seq) && !out.unfinished?.has(f)) out.unfinished?.set(f, 0);
    }
  };

  return {
    push(frame, relSeq, len, payload, time = 0n, outOfOrder = false, app = '') {
      now = time;
      if (!decided) {
        if (!payload) return;
        const port = bindings['tcp.port'];
        // By port, as tshark picks the dissector: the first segment may be lost and come later.
        if (port[srcPort] === 'dns' || port[dstPort] === 'dns') kind = 'dns';
        else if (port[srcPort] === 'http' || port[dstPort] === 'http') kind = 'http';
        // Or by the layer a heuristic bound the conversation to, from the frame it matched in.
        else if (app === 'http') kind = 'http';
        // A port decides at once; a conversation no heuristic bound yet may still be bound later.
        decided = kind !== '' || port[srcPort] !== undefined || port[dstPort] !== undefined;
      }
      // Bytes not captured cannot be reassembled.
      if (!kind || !payload || payload.length < len) return;
      const seq = relSeq >>> 0;
      const stop = (seq + len) >>> 0;
      // The newest open message this segment falls in.
      let m: OpenMessage | undefined;
      for (let i = open.length - 1; i >= 0 && !m; i--) {
        const o = open[i];
        const limit = o.end >= 0 ? o.end : (o.read + 1) >>> 0;
        if (!after(o.start, seq) && after(limit, seq)) m = o;
      }
      if (!m) {
        const before = open.length;
        if (!outOfOrder) startMessages(frame, seq, len, payload, 0);
        if (open.length === before || open[open.length - 1].frames[0] !== frame) {
          loose.push([frame, seq, len]);
          if (loose.length > MAX_LOOSE) loose.shift();
        }
        return;
      }
      if (m.end < 0) {
        // Only reading tells where it ends: it goes on with the segment that starts where reading stopped.
        if (seq !== m.read) return;
        if (outOfOrder) {
          // Added whole and never read: what tshark then shows as reassembled here.
          addPart(m, frame, seq, len, 0);
          complete(m, frame, false);
          return;
        }
        const r = (m.framer as Framer).feed(payload, 0, len);
        addPart(m, frame, seq, r.used, 0);
        m.read = (seq + r.used) >>> 0;
        if (r.done) {
          complete(m, frame, true);
          startMessages(frame, seq, len, payload, r.used);
          return;
        }
        const p = (m.framer as Framer).pending();
        if (p >= 0) {
          m.end = (m.read + p) >>> 0;
          m.framer = null;
        }
        return;
      }
      const take = after(stop, m.end) ? (m.end - seq) >>> 0 : len;
      addPart(m, frame, seq, take, 0);
      if (!after(m.end, m.contiguous)) complete(m, frame, !outOfOrder);
      if (take < len && !outOfOrder) startMessages(frame, seq, len, payload, take);
    },
    flush() {
      for (const m of open) unfinished(m);
      open.length = 0;
    },
  };
}
