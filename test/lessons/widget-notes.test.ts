// The notes a lesson's widgets show only with JavaScript (the ladder's note on
// each segment, the packet viewer's "In plain words" sentence for each frame it
// lets the reader select), held to the standard of the prose: every frame,
// byte range, time, count and window they state is read back from the
// decoder's fields (the fields the golden tests hold to tshark), and the words
// a reader found contradicting the lessons (an idle keep-alive during a zero
// window, a D-SACK "inside the second block" of a frame with one block, bytes
// "1-0" of an empty FIN, a unicast ARP request called a broadcast, a program's
// abort for a reset after unanswered retransmissions, a SACK block's right
// edge counted as a byte) cannot come back.
import { describe, expect, it } from 'vitest';
import { capture, type LessonCapture } from './support.ts';
import { lessonFiles, widgetNotes, type WidgetNote } from './widget-notes.ts';

/** Thousands separators dropped, so that numbers compare as digits ("34,753" as 34753). */
const numbers = (text: string) => text.replace(/(\d),(?=\d{3}\b)/g, '$1');
const t = (c: LessonCapture, n: number) => c.num(n, 'frame.time_relative');
const has = (c: LessonCapture, n: number, name: string) => c.fields(n, name).length > 0;
const ms = (seconds: number) => (seconds * 1000).toFixed(3);
/** Frame k is a TCP segment of frame n's stream. */
const ofStream = (c: LessonCapture, k: number, n: number) => has(c, k, 'tcp.stream') && c.num(k, 'tcp.stream') === c.num(n, 'tcp.stream');
/** a lies before b in sequence space (RFC 9293 3.4: comparisons modulo 2^32). */
const seqBefore = (a: number, b: number) => {
  const d = (b - a + 2 ** 32) % 2 ** 32;
  return d > 0 && d < 2 ** 31;
};

/** Checks one note against the capture; returns how many facts it checked. */
function checkNote(w: WidgetNote): number {
  const c = capture(w.capture);
  const n = w.frame;
  const text = numbers(w.text);
  const where = `${w.lesson}, ${w.widget} ${w.capture} frame ${n}: "${w.text}"`;
  let facts = 0;
  const fact = (cond: boolean, what: string) => {
    expect(cond, `${where}: ${what}`).toBe(true);
    facts++;
  };

  for (const m of text.matchAll(/\b[Ff]rame (\d+)/g)) fact(Number(m[1]) >= 1 && Number(m[1]) <= c.count, `frame ${m[1]} exists`);
  for (const m of text.matchAll(/\bbytes (\d+)-(\d+)/g)) fact(Number(m[1]) <= Number(m[2]), `bytes ${m[1]}-${m[2]} is a range, not empty`);

  // What the segment itself occupies.
  let m = /(?:repeats|carries) bytes (\d+)-(\d+)/.exec(text);
  if (m) {
    fact(Number(m[1]) === c.num(n, 'tcp.seq'), 'first byte is tcp.seq');
    fact(Number(m[2]) === c.num(n, 'tcp.seq') + c.num(n, 'tcp.len') - 1, 'last byte is tcp.seq + tcp.len - 1');
  }
  m = /repeats the (FIN|SYN) \(sequence number (\d+)\)/.exec(text);
  if (m) {
    fact(c.num(n, 'tcp.len') === 0 && c.num(n, `tcp.flags.${m[1]!.toLowerCase()}`) === 1, `an empty ${m[1]}`);
    fact(Number(m[2]) === c.num(n, 'tcp.seq'), 'its sequence number');
  }
  m = /first sent in frame (\d+)(?: \((\d+\.\d+) ms earlier\))?/.exec(text);
  if (m) {
    const orig = Number(m[1]);
    fact(orig < n && c.num(orig, 'tcp.seq') === c.num(n, 'tcp.seq'), `frame ${orig} sent the same sequence number`);
    if (m[2]) fact(m[2] === ms(t(c, n) - t(c, orig)), `${m[2]} ms is the time since frame ${orig}`);
  }
  m = /It left (\d+\.\d+) ms after frame (\d+)/.exec(text);
  if (m) {
    fact(m[1] === ms(t(c, n) - t(c, Number(m[2]))), `${m[1]} ms after frame ${m[2]}`);
    fact(text.includes('too soon for the retransmission timer') === Number(m[1]) < 200, 'too soon for the timer only below 200 ms');
  }
  m = /Frame (\d+) was also the oldest segment still unacknowledged(?:, and (\d+\.\d+) ms is too soon)?/.exec(text);
  if (m) {
    fact(c.num(n, 'tcp.analysis.rto_frame') === Number(m[1]), 'tcp.analysis.rto_frame');
    fact(!!m[2] === c.num(n, 'tcp.analysis.rto') < 0.2, 'too soon for the timer only below 200 ms');
    if (m[2]) fact(m[2] === ms(t(c, n) - t(c, Number(m[1]))), `${m[2]} ms after frame ${m[1]}`);
  }
  m = /The capture already showed (?:them|it) in frame (\d+), so this is a second copy/.exec(text);
  if (m) fact(Number(m[1]) < n && c.num(Number(m[1]), 'tcp.seq') === c.num(n, 'tcp.seq'), `frame ${m[1]} carried the same bytes`);
  m = /already acknowledged (?:them|it) in frame (\d+)/.exec(text);
  if (m) {
    const ackFrame = Number(m[1]);
    fact(ackFrame < n && c.num(ackFrame, 'tcp.ack') >= c.num(n, 'tcp.seq') + c.num(n, 'tcp.len'), `frame ${ackFrame} acknowledged the bytes`);
  }

  // Duplicate ACKs and the fast retransmission they lead to.
  m = /Duplicate ACK #(\d+): it repeats ACK (\d+) and the window of frame (\d+)/.exec(text);
  if (m) {
    fact(c.num(n, 'tcp.analysis.duplicate_ack_num') === Number(m[1]), 'duplicate_ack_num');
    fact(c.num(n, 'tcp.ack') === Number(m[2]), 'tcp.ack');
    fact(c.num(n, 'tcp.analysis.duplicate_ack_frame') === Number(m[3]), 'duplicate_ack_frame');
  }
  m = /after (\d+) duplicate ACKs \(repeating the ACK of frame (\d+)\) had asked for byte (\d+)/.exec(text);
  if (m) {
    let last = 0;
    for (let k = 1; k < n; k++) if (has(c, k, 'tcp.analysis.duplicate_ack_frame') && c.num(k, 'tcp.analysis.duplicate_ack_frame') === Number(m[2])) last = k;
    fact(last > 0 && c.num(last, 'tcp.analysis.duplicate_ack_num') === Number(m[1]), `${m[1]} duplicate ACKs of frame ${m[2]} came before`);
    fact(c.num(Number(m[2]), 'tcp.ack') === Number(m[3]) && c.num(n, 'tcp.seq') === Number(m[3]), `they asked for byte ${m[3]}, which this segment carries`);
  }

  // SACK and D-SACK.
  m =
    /The first SACK block (\d+)-(\d+) (?:\((?:bytes (\d+) to (\d+)|(\d+) bytes ending)[^)]*\) )?lies (below the cumulative ACK (\d+)|inside the second SACK block)/.exec(
      text,
    );
  if (m) {
    const le = c.fields(n, 'tcp.options.sack_le').map((f) => Number(f.show));
    const re = c.fields(n, 'tcp.options.sack_re').map((f) => Number(f.show));
    fact(le[0] === Number(m[1]) && re[0] === Number(m[2]), 'the first SACK block');
    // RFC 2018 3: the right edge is the sequence number just after the block.
    if (m[3]) fact(Number(m[3]) === le[0] && Number(m[4]) === re[0]! - 1, 'the bytes of the block');
    if (m[5]) fact(Number(m[5]) === (re[0]! - le[0]! + 2 ** 32) % 2 ** 32, 'the length of a block that wraps');
    if (m[7]) fact(c.num(n, 'tcp.ack') === Number(m[7]) && seqBefore(le[0]!, Number(m[7])), 'it starts below the ACK (modulo 2^32)');
    else fact(le.length >= 2 && !seqBefore(le[0]!, le[1]!) && !seqBefore(re[1]!, re[0]!), 'a second block holds it');
  }

  // Keep-alives and zero windows.
  m = /uses sequence number (\d+), one below the next expected (\d+)/.exec(text);
  if (m) {
    fact(c.num(n, 'tcp.seq') === Number(m[1]) && Number(m[2]) === Number(m[1]) + 1 && c.num(n, 'tcp.len') <= 1, 'a keep-alive shape');
    fact(!/\bidle\b/.test(text), 'a keep-alive note does not claim the connection was idle');
  }
  m = /The peer's last window, in frame (\d+), was (\d+)/.exec(text);
  if (m)
    fact(
      c.num(Number(m[1]), 'tcp.window_size') === Number(m[2]) && c.show(Number(m[1]), 'ip.src') !== c.show(n, 'ip.src'),
      `the peer advertised ${m[2]} there`,
    );
  m = /^Frame (\d+) advertises a receive window of 0/.exec(text);
  if (m) fact(Number(m[1]) === n && c.num(n, 'tcp.window_size') === 0, 'window 0');
  m = /^Frame (\d+) answers the probe in frame (\d+), and still advertises/.exec(text);
  if (m) {
    const probe = Number(m[2]);
    fact(probe < n && c.num(probe, 'tcp.srcport') === c.num(n, 'tcp.dstport') && has(c, probe, 'tcp.analysis.keep_alive'), 'the other side probed there');
    fact(c.num(n, 'tcp.len') === 0 && c.num(n, 'tcp.window_size') === 0, 'a bare ACK with window 0');
  }
  m = /^Frame (\d+) (?:answers the probe in frame \d+, and )?still advertises a receive window of 0, as frame (\d+) did/.exec(text);
  if (m) {
    const before = Number(m[2]);
    fact(Number(m[1]) === n && c.num(n, 'tcp.window_size') === 0, 'window 0');
    fact(before < n && c.num(before, 'tcp.window_size') === 0 && c.num(before, 'tcp.srcport') === c.num(n, 'tcp.srcport'), 'the same side advertised 0 before');
  }
  m =
    /answers the probe in frame (\d+)(, sent while this side’s window was 0,)? with the same acknowledgment as before \((\d+)\)\. Its window is (still 0|now (\d+) bytes)/.exec(
      text,
    );
  if (m) {
    const probe = Number(m[1]);
    fact(probe < n && c.num(probe, 'tcp.srcport') === c.num(n, 'tcp.dstport') && has(c, probe, 'tcp.analysis.keep_alive'), 'the other side probed there');
    fact(c.num(n, 'tcp.ack') === Number(m[3]) && c.num(n, 'tcp.len') === 0, 'the same ACK, no data');
    fact(c.num(n, 'tcp.window_size') === (m[5] ? Number(m[5]) : 0), 'its window');
  }
  m = /acknowledgment number, 1, acknowledges only the other side’s SYN: the other side has sent no data/.exec(text);
  if (m) {
    fact(c.num(n, 'tcp.ack') === 1, 'ACK 1');
    let sent = false;
    for (let k = 1; k < n; k++) if (ofStream(c, k, n) && c.num(k, 'tcp.srcport') === c.num(n, 'tcp.dstport') && c.num(k, 'tcp.len') > 0) sent = true;
    fact(!sent, 'the other side sent no data before');
  }
  // A reset after the sender's own copies: how many, and the last.
  m = /the sender had sent .*? in frame (\d+) and (once|twice|\d+) more(?: times)?, the last copy in frame (\d+)/.exec(text);
  if (m) {
    const copies: number[] = [];
    for (let k = Number(m[1]) + 1; k < n; k++)
      if (ofStream(c, k, n) && c.num(k, 'tcp.srcport') === c.num(n, 'tcp.srcport') && has(c, k, 'tcp.analysis.retransmission')) copies.push(k);
    const count = m[2] === 'once' ? 1 : m[2] === 'twice' ? 2 : Number(m[2]);
    fact(copies.length === count && copies.at(-1) === Number(m[3]), `${count} copies, the last in frame ${m[3]}`);
    fact(!text.includes('SO_LINGER'), 'no program-made reset for a reset after copies');
  }
  m = /changes the advertised window, from (\d+) to (\d+) bytes/.exec(text);
  if (m) fact(c.num(n, 'tcp.window_size') === Number(m[2]) && Number(m[1]) !== Number(m[2]), 'the new window');

  // The sentence of a TCP segment.
  m = /bytes (\d+) to (\d+) of this direction; the next segment should start at (\d+)/.exec(text);
  if (m) {
    fact(c.num(n, 'tcp.seq') === Number(m[1]), 'tcp.seq');
    fact(c.num(n, 'tcp.seq') + c.num(n, 'tcp.len') - 1 === Number(m[2]), 'last byte');
    fact(c.num(n, 'tcp.nxtseq') === Number(m[3]), 'tcp.nxtseq');
  }
  m = /It acknowledges frame (\d+)/.exec(text);
  if (m) fact(c.num(n, 'tcp.analysis.acks_frame') === Number(m[1]), 'tcp.analysis.acks_frame');
  m = /everything it sent before sequence number (\d+) arrived/.exec(text);
  if (m) fact(c.num(n, 'tcp.ack') === Number(m[1]), 'tcp.ack');

  // DNS and ARP.
  m = /The response is frame (\d+)/.exec(text);
  if (m) fact(c.num(n, 'dns.response_in') === Number(m[1]), 'dns.response_in');
  m = /answering the query in frame (\d+)\. Response code (\d+)[^;]*; (\d+) answer records/.exec(text);
  if (m) {
    fact(c.num(n, 'dns.response_to') === Number(m[1]), 'dns.response_to');
    fact(c.num(n, 'dns.flags.rcode') === Number(m[2]), 'dns.flags.rcode');
    fact(c.num(n, 'dns.count.answers') === Number(m[3]), 'dns.count.answers');
  }
  if (/^An ARP request/.test(text))
    fact(/^An ARP request, broadcast:/.test(text) === (c.show(n, 'eth.dst') === 'ff:ff:ff:ff:ff:ff'), 'broadcast only when sent to ff:ff:ff:ff:ff:ff');
  return facts;
}

describe.each(lessonFiles())('the JavaScript-only notes of %s', (file) => {
  const notes = widgetNotes(file);

  it('state only what the capture shows', () => {
    let facts = 0;
    for (const w of notes) facts += checkNote(w);
    // Every lesson has widgets; a lesson whose notes state nothing checkable would hide a broken collector.
    expect(notes.length, 'notes collected').toBeGreaterThan(0);
    expect(facts, 'facts checked').toBeGreaterThan(0);
  });
});
