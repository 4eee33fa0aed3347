// `wirebook fields` reads in one pass when every analysis field asked is one a
// frame keeps from the moment it is analysed. That must print exactly what
// two passes (`-2`, tshark's way for the golden fixtures) print, on every
// capture in the repository, including one whose conversations started
// before the capture did (the one pass then hands over to two); and with
// plain frames on their fast path, exactly what the layers alone print.

import { describe, expect, it } from 'vitest';
import { compileWanted, createExtractor } from '../../decoder/dissect.ts';
import { frameData, readCapture } from '../../decoder/capture/read.ts';
import { writePcapng } from '../../decoder/capture/write-pcapng.ts';
import { LIVE_FIELDS } from '../../decoder/analysis/session-adapter.ts';
import { repositoryCaptures } from '../../../test/support/repository-captures.ts';
import { runFields } from './fields.ts';
import { createSession, readableInOnePass, scalesSettle } from '../session.ts';
import { bytesChunks } from '../input.ts';
import { isPayloadField } from '../../decoder/dissect.ts';

const CAPTURES = repositoryCaptures();

const HEADERS = ['frame.number', 'frame.time_delta', 'ip.src', 'ip.dst', 'tcp.srcport', 'tcp.dstport', 'tcp.len', 'tcp.flags', 'udp.srcport'];
/** Header fields with readers on the fast path, then the same with one (ip.flags) that sends every frame through the layers. */
const LISTS = [
  [...HEADERS, ...LIVE_FIELDS],
  [...HEADERS, 'ip.flags', ...LIVE_FIELDS],
];

function print(bytes: Uint8Array, names: readonly string[], twoPass: boolean, plain = true): string {
  let out = '';
  const r = runFields(bytes, names, (t) => (out += t), { twoPass, plain });
  return out + (r.error ? `\nerror: ${r.error.message}` : '');
}

/** The capture without its first `n` frames: its conversations begin before it does. */
function withoutFirst(bytes: Uint8Array, n: number): Uint8Array {
  const cap = readCapture(bytes);
  return writePcapng(cap.frames.slice(n).map((r) => ({ linkType: r.linkType, timestamp: r.timestamp, data: frameData(bytes, r), origLen: r.origLen })));
}

describe('fields in one pass', () => {
  it('is chosen only for fields a frame keeps once analysed', () => {
    expect(readableInOnePass(['tcp.stream', 'tcp.analysis.ack_rtt', 'ip.src'], isPayloadField)).toBe(true);
    for (const late of [
      ['tcp.completeness'],
      ['tcp.reassembled_in'],
      ['tcp.analysis.initial_rtt'],
      ['tcp.window_size'],
      ['dns.response_in'],
      ['tcp.stream', 'dns.qry.name'],
      ['_ws.col.Info'],
    ]) {
      expect(readableInOnePass(late, isPayloadField)).toBe(false);
    }
    // The window fields, once a look at the capture found its scales settle in reading order.
    expect(readableInOnePass(['tcp.window_size', 'tcp.window_size_scalefactor', 'tcp.stream'], isPayloadField, true)).toBe(true);
    expect(readableInOnePass(['tcp.window_size', 'tcp.analysis.initial_rtt'], isPayloadField, true)).toBe(false);
  });

  for (const { path, bytes } of CAPTURES) {
    it(`prints what two passes print, and what the layers alone print: ${path}`, () => {
      for (const names of LISTS) {
        const layers = print(bytes, names, true, false);
        expect(print(bytes, names, true)).toEqual(layers);
        expect(print(bytes, names, false)).toEqual(layers);
      }
      // Fields only two passes answer (completeness, iRTT, reassembly), fast path or not.
      const late = [...HEADERS, 'tcp.completeness', 'tcp.analysis.initial_rtt', 'tcp.window_size', 'tcp.stream', 'tcp.analysis.bytes_in_flight'];
      expect(print(bytes, late, false)).toEqual(print(bytes, late, true, false));
      // The window fields: one pass where the capture's scales settle in reading order, else two.
      const windows = [...HEADERS, 'tcp.window_size', 'tcp.window_size_scalefactor', ...LIVE_FIELDS];
      expect(print(bytes, windows, false)).toEqual(print(bytes, windows, true, false));
    });
  }

  it('reads the window fields in one pass on most repository captures', () => {
    // Else the comparison above would hold only the two-pass way.
    const settled = CAPTURES.filter((c) => scalesSettle(bytesChunks(c.bytes)));
    expect(settled.length).toBeGreaterThan(CAPTURES.length / 2);
  });

  it('hands over to two passes when a conversation began before the capture', () => {
    const cut = withoutFirst(CAPTURES.find((c) => c.path.endsWith('recorded/tcp-loss.pcapng'))!.bytes, 3);
    // The one pass does stop: the handshake is missing, so the relative numbers are not settled.
    const session = createSession({ live: true });
    const extract = createExtractor(compileWanted(LISTS[0]));
    const cap = readCapture(cut);
    for (const r of cap.frames) {
      extract(r, frameData(cut, r), session);
      if (session.unsettled) break;
    }
    expect(session.unsettled).toBe(1);
    for (const names of LISTS) {
      const one = print(cut, names, false);
      expect(one.split('\n').length).toBe(cap.frames.length + 2);
      expect(one).toEqual(print(cut, names, true));
    }
  });
});
