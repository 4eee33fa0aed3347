import { describe, expect, it } from 'vitest';
import {
  S_CLOSE_WAIT,
  S_CLOSED,
  S_CLOSING,
  S_ESTABLISHED,
  S_FIN_WAIT_1,
  S_FIN_WAIT_2,
  S_LAST_ACK,
  S_LISTEN,
  S_SYN_RECEIVED,
  S_SYN_SENT,
  S_TIME_WAIT,
  S_UNKNOWN,
  STATE_NAMES,
  stepStates,
} from './conn-state.ts';

const step = (snd: number, rcv: number, f: { syn?: boolean; ack?: boolean; fin?: boolean; rst?: boolean; acksFin?: boolean }): [number, number] => {
  const p = stepStates(snd, rcv, !!f.syn, !!f.ack, !!f.fin, !!f.rst, !!f.acksFin);
  return [p & 15, p >> 4];
};

describe('RFC 9293 states seen from the wire', () => {
  it('names every state', () => {
    expect(STATE_NAMES[S_TIME_WAIT]).toBe('TIME-WAIT');
    expect(STATE_NAMES[S_UNKNOWN]).toBe('unknown');
  });
  it('three-way handshake', () => {
    expect(step(S_UNKNOWN, S_UNKNOWN, { syn: true })).toEqual([S_SYN_SENT, S_LISTEN]);
    expect(step(S_LISTEN, S_SYN_SENT, { syn: true, ack: true })).toEqual([S_SYN_RECEIVED, S_ESTABLISHED]);
    expect(step(S_ESTABLISHED, S_SYN_RECEIVED, { ack: true })).toEqual([S_ESTABLISHED, S_ESTABLISHED]);
  });
  it('simultaneous close passes through CLOSING', () => {
    let [a, b] = step(S_ESTABLISHED, S_ESTABLISHED, { fin: true, ack: true });
    expect([a, b]).toEqual([S_FIN_WAIT_1, S_CLOSE_WAIT]);
    // b had sent its own FIN before a's arrived: model it from b's side.
    [b, a] = step(S_FIN_WAIT_1, S_FIN_WAIT_1, { fin: true, ack: true });
    expect([a, b]).toEqual([S_CLOSING, S_FIN_WAIT_1]);
    [a, b] = step(S_CLOSING, S_FIN_WAIT_1, { ack: true, acksFin: true });
    expect(b).toBe(S_FIN_WAIT_2);
  });
  it('orderly close: FIN, ACK, FIN, ACK', () => {
    expect(step(S_ESTABLISHED, S_ESTABLISHED, { fin: true, ack: true })).toEqual([S_FIN_WAIT_1, S_CLOSE_WAIT]);
    expect(step(S_CLOSE_WAIT, S_FIN_WAIT_1, { ack: true, acksFin: true })).toEqual([S_CLOSE_WAIT, S_FIN_WAIT_2]);
    expect(step(S_CLOSE_WAIT, S_FIN_WAIT_2, { fin: true, ack: true })).toEqual([S_LAST_ACK, S_TIME_WAIT]);
    expect(step(S_TIME_WAIT, S_LAST_ACK, { ack: true, acksFin: true })).toEqual([S_TIME_WAIT, S_CLOSED]);
  });
  it('RST closes both ends', () => {
    expect(step(S_ESTABLISHED, S_ESTABLISHED, { rst: true })).toEqual([S_CLOSED, S_CLOSED]);
  });
  it('a FIN answering an earlier FIN, seen mid-connection, is LAST-ACK', () => {
    expect(step(S_UNKNOWN, S_FIN_WAIT_2, { fin: true, ack: true })).toEqual([S_LAST_ACK, S_TIME_WAIT]);
  });
});
