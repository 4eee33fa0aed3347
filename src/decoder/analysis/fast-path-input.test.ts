// The two fast paths read plain frames straight from the bytes: the first
// pass's header walker (header-walk.ts) and the `fields` plain-frame path
// (fields/plain-frames.ts). Both must hand the analysis exactly the input the
// layer path builds (segment-input.ts) for the same frame, on every capture in
// the repository, or a conversation's two sides would be told apart wrongly.
import { describe, expect, it } from 'vitest';
import { frameData, readCapture } from '../capture/index.ts';
import { compileWanted, createExtractor, type DissectSession } from '../dissect.ts';
import { repositoryCaptures } from '../../../test/support/repository-captures.ts';
import { createHeaderWalker } from './header-walk.ts';
import { tcpSegmentInput, udpDatagramInput } from './segment-input.ts';
import type { TcpAnalyzer } from './tcp-analyzer.ts';
import type { TcpSegmentInput, UdpDatagramInput } from './types.ts';

type Input = TcpSegmentInput | UdpDatagramInput;

/** A copy as plain values: the fast paths refill one object frame after frame, and absent options are undefined keys on one side. */
const plain = (x: Input): unknown =>
  JSON.parse(JSON.stringify(x, (_k, v) => (typeof v === 'bigint' ? String(v) : v instanceof Uint8Array ? Array.from(v) : v)));

/** What the layer path gives the analysis for each frame (with payload for the first pass, without for the others). */
function layerInputs(bytes: Uint8Array, payload: boolean): Map<number, unknown[]> {
  const out = new Map<number, unknown[]>();
  const keep = (frame: number, x: Input | null) => {
    if (x) out.set(frame, [...(out.get(frame) ?? []), plain(x)]);
  };
  const session: DissectSession = {
    tcp(h, ctx) {
      keep(ctx.record.number, tcpSegmentInput(ctx.record, h, ctx.lastIp, payload ? ctx.data : undefined, 'analysis'));
      return undefined;
    },
    udp: (h, ctx) => keep(ctx.record.number, udpDatagramInput(ctx.record, h, ctx.lastIp)),
  };
  const extract = createExtractor(compileWanted(['frame.number']), { plain: false });
  const index = readCapture(bytes);
  for (const r of index.frames) extract(r, frameData(bytes, r), session);
  return out;
}

const CAPTURES = repositoryCaptures();
let walkedTotal = 0;
let plainTotal = 0;

describe('fast paths feed the analysis what the layers feed it', () => {
  for (const { path, bytes } of CAPTURES) {
    it(path, () => {
      const index = readCapture(bytes);

      // The first pass's header walker, payload included.
      const walked = new Map<number, unknown>();
      const collect = (x: Input) => void walked.set(x.frame, plain(x));
      const walk = createHeaderWalker({ addTcp: collect, addUdp: collect } as unknown as TcpAnalyzer);
      for (const r of index.frames) walk(r, frameData(bytes, r));
      const withPayload = layerInputs(bytes, true);
      for (const [frame, input] of walked) expect({ frame, input }).toEqual({ frame, input: withPayload.get(frame)?.[0] });
      for (const frame of walked.keys()) expect(withPayload.get(frame)).toHaveLength(1);
      walkedTotal += walked.size;

      // The plain-frame path of `fields`, which gives the second pass no payload.
      const fast = new Map<number, unknown>();
      const session: DissectSession = {
        tcp: () => undefined,
        plain: {
          tcp(seg) {
            fast.set(seg.frame, plain(seg));
            return undefined;
          },
          udp: (d) => void fast.set(d.frame, plain(d)),
        },
      };
      const extract = createExtractor(compileWanted(['frame.number', 'tcp.srcport', 'tcp.stream', 'udp.stream']));
      for (const r of index.frames) extract(r, frameData(bytes, r), session);
      const bare = layerInputs(bytes, false);
      for (const [frame, input] of fast) expect({ frame, input }).toEqual({ frame, input: bare.get(frame)?.[0] });
      plainTotal += fast.size;
    });
  }

  // Last (tests run in order): the comparisons above are not vacuous.
  it('took many frames on both fast paths', () => {
    expect(CAPTURES.length).toBeGreaterThanOrEqual(40);
    expect(walkedTotal).toBeGreaterThan(1000);
    expect(plainTotal).toBeGreaterThan(1000);
  });
});
