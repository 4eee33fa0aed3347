// `wirebook fields` answers the window fields in one pass when a quick look
// finds that the capture's window scales settle in reading order
// (analysis/scales-settle.ts); where they do not, two passes, as before. Either
// way the output is what two passes print (fields-one-pass.test.ts holds that
// on every repository capture).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPacket, type TcpSpec } from '../../decoder/build/packet.ts';
import type { TcpOption } from '../../decoder/build/tcp-options.ts';
import { bindingKey } from '../../decoder/bindings.ts';
import { writePcapng } from '../../decoder/capture/write-pcapng.ts';
import { TCP_FLAG } from '../../decoder/layers/tcp-flags.ts';
import { runFields } from './fields.ts';
import { scalesSettle } from '../session.ts';
import { bytesChunks } from '../input.ts';

const ETHERNET = bindingKey('linktype', 'eth');
const { SYN, ACK, PSH } = TCP_FLAG;
const CLIENT = Uint8Array.of(10, 0, 0, 1);
const SERVER = Uint8Array.of(10, 0, 0, 2);
const MAC_C = Uint8Array.of(2, 0, 0, 0, 0, 1);
const MAC_S = Uint8Array.of(2, 0, 0, 0, 0, 2);

/** One TCP segment from the client (or the server) on 10.0.0.1:40000 <-> 10.0.0.2:80. */
function segment(fromClient: boolean, flags: number, seq: number, ack: number, window: number, options: TcpOption[] = [], payload = 0) {
  const l4: TcpSpec = { proto: 'tcp', sport: fromClient ? 40000 : 80, dport: fromClient ? 80 : 40000, seq, ack, flags, window, urgent: 0, options };
  return buildPacket({
    link: 'ethernet',
    eth: { src: fromClient ? MAC_C : MAC_S, dst: fromClient ? MAC_S : MAC_C },
    ip: { version: 4, src: fromClient ? CLIENT : SERVER, dst: fromClient ? SERVER : CLIENT, id: 1, ttl: 64, df: true, dscp: 0, ecn: 0 },
    l4,
    payload: new Uint8Array(payload),
  }).data;
}

function capture(frames: Uint8Array[]): Uint8Array {
  return writePcapng(frames.map((data, i) => ({ linkType: ETHERNET, timestamp: BigInt(i + 1) * 1_000_000n, data })));
}

const syn = (shift: number) => segment(true, SYN, 1000, 0, 64240, [{ kind: 'nop' }, { kind: 'wscale', shift }]);
const synAck = (shift: number) => segment(false, SYN | ACK, 5000, 1001, 65160, [{ kind: 'nop' }, { kind: 'wscale', shift }]);
const ackOf = () => segment(true, ACK, 1001, 5001, 502);
const data = () => segment(true, ACK | PSH, 1001, 5001, 502, [], 100);

const WINDOW_FIELDS = ['frame.number', 'tcp.window_size', 'tcp.window_size_scalefactor', 'tcp.seq'];

function print(bytes: Uint8Array, twoPass: boolean): string {
  let out = '';
  runFields(bytes, WINDOW_FIELDS, (t) => (out += t), { twoPass });
  return out;
}

describe('window scales settle in reading order', () => {
  it('when every conversation starts with its handshake', () => {
    const bytes = capture([syn(7), synAck(7), ackOf(), data()]);
    expect(scalesSettle(bytesChunks(bytes))).toBe(true);
    // tshark 4.0 on this capture: the client's 502 scaled by its shift 7, 64,256.
    expect(print(bytes, false).split('\n')[3]).toBe('3\t64256\t128\t1');
  });

  it('not when a SYN-ACK comes again after the handshake, with another shift', () => {
    const serverAck = segment(false, ACK, 5001, 1101, 509);
    const bytes = capture([syn(7), synAck(7), ackOf(), data(), serverAck, synAck(3), ackOf()]);
    expect(scalesSettle(bytesChunks(bytes))).toBe(false);
    // tshark 4.0 -2 scales the server's frame 5 by the shift its side ends with (3): 4,072; in one pass it says 65,152 (shift 7).
    const lines = print(bytes, false).split('\n');
    expect(lines[5]).toBe('5\t4072\t8\t1');
    expect(lines.join('\n')).toEqual(print(bytes, true));
  });

  it('not when a segment of the conversation comes before its SYN-ACK', () => {
    const bytes = capture([syn(7), ackOf(), synAck(7), data()]);
    expect(scalesSettle(bytesChunks(bytes))).toBe(false);
    expect(print(bytes, false)).toEqual(print(bytes, true));
  });

  it('not on frames it cannot read plainly, and on damaged files', () => {
    for (const name of ['tcp-vlan', 'tcp-ipv6', 'tcp-any']) {
      const bytes = readFileSync(new URL(`../../../captures/recorded/${name}.pcapng`, import.meta.url));
      expect(scalesSettle(bytesChunks(bytes)), name).toBe(false);
    }
    const whole = capture([syn(7), synAck(7), ackOf(), data()]);
    expect(scalesSettle(bytesChunks(whole.subarray(0, whole.length - 10)))).toBe(false);
  });

  it('on a recorded download whose only conversation begins with its handshake', () => {
    const bytes = readFileSync(new URL('../../../captures/recorded/tcp-loss.pcapng', import.meta.url));
    expect(scalesSettle(bytesChunks(bytes))).toBe(true);
  });
});
