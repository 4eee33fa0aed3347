import { describe, expect, it } from 'vitest';
import { sentenceLines } from './sentence-text.ts';

describe('sentenceLines', () => {
  it('names the service a UDP port is registered for (Debian’s /etc/services: discard 9/udp)', () => {
    const [line] = sentenceLines([{ key: 'udp', params: { srcPort: 7, dstPort: 9, length: 8, protocol: '' } }]);
    expect(line).toContain('Port 9 is registered for “discard”');
    const [none] = sentenceLines([{ key: 'udp', params: { srcPort: 34638, dstPort: 45999, length: 12, protocol: '' } }]);
    expect(none).not.toContain('registered');
  });

  it('says what a DNS response code means (RFC 1035 4.1.1: 3 is a name error)', () => {
    const [line] = sentenceLines([
      { key: 'dns_response', params: { id: '0x1', name: 'a.example', type: 'A', otherFrame: 1, queryFrame: 1, rcode: 3, answers: 0 } },
    ]);
    expect(line).toMatch(/Response code 3, NXDOMAIN: no such name exists/);
  });
});

const tcp = { srcPort: 55477, dstPort: 80, seq: 2, ack: 2, len: 0, nxtseq: 2, acksFrame: 0 };

describe('a reset’s sentence', () => {
  const abort = { ...tcp, states: null, peerFrame: 2, unacked: 0, sent: 1, received: 1 };

  it('after unanswered copies of an empty FIN: counts them, gives no byte range, and cites the limit of RFC 9293 3.8.3', () => {
    const [line] = sentenceLines([
      { key: 'rst_abort', params: { ...abort, resent: { count: 5, lastFrame: 9, firstFrame: 4, seq: 1, len: 0, fin: true, sameSegment: true } } },
    ]);
    expect(line).toContain('the FIN (sequence number 1) in frame 4 and 5 more times, the last copy in frame 9');
    expect(line).toContain('no ACK from the other side acknowledged it');
    expect(line).toContain('RFC 9293, section 3.8.3');
    expect(line).toContain('at least 100 seconds');
    expect(line).toContain('others drop the connection silently');
    expect(line).not.toMatch(/bytes 1-0|SO_LINGER|orderly FIN exchange/);
  });

  it('after copies of data: the bytes they repeat; after copies of several segments: how many, and the last', () => {
    const [same] = sentenceLines([
      { key: 'rst_abort', params: { ...abort, resent: { count: 1, lastFrame: 6, firstFrame: 4, seq: 1, len: 100, fin: false, sameSegment: true } } },
    ]);
    expect(same).toContain('bytes 1-100 in frame 4 and once more, the last copy in frame 6');
    const [mixed] = sentenceLines([
      { key: 'rst_abort', params: { ...abort, resent: { count: 2, lastFrame: 14, firstFrame: 12, seq: 101, len: 50, fin: false, sameSegment: false } } },
    ]);
    expect(mixed).toContain('2 retransmissions of data the other side had not acknowledged, the last in frame 14 (bytes 101-150)');
  });

  it('without such copies: the resets a program causes', () => {
    const [line] = sentenceLines([{ key: 'rst_abort', params: abort }]);
    expect(line).toContain('SO_LINGER set to 0');
    expect(line).not.toContain('3.8.3');
  });
});

describe('the states after a TCP segment', () => {
  const states = (changed: boolean) => ({ sender: 'FIN-WAIT-1', receiver: 'CLOSE-WAIT', changed }) as const;

  it('are named when the segment changed them, and left out when it did not', () => {
    const [moved] = sentenceLines([{ key: 'tcp_fin', params: { ...tcp, states: states(true) } }]);
    expect(moved).toContain('After it the sender is in FIN-WAIT-1 and the receiver in CLOSE-WAIT');
    const [same] = sentenceLines([{ key: 'tcp_fin', params: { ...tcp, states: states(false) } }]);
    expect(same).not.toContain('After it');
  });
});

describe('a bare ACK’s sentence', () => {
  const ack = { srcPort: 36090, dstPort: 5003, seq: 1, ack: 1461, len: 0, nxtseq: 1, acksFrame: 0, states: null, completesHandshake: false };

  it('answering a probe sent into a closed window: says so, and whether the window is still 0 or open again', () => {
    const [still] = sentenceLines([
      { key: 'tcp_ack', params: { ...ack, acked: 'data', oldSeq: false, answers: { probeFrame: 8, window: 0, windowBefore: 0 } } },
    ]);
    expect(still).toContain('it answers the probe in frame 8, sent while this side’s window was 0, with the same acknowledgment as before (1461)');
    expect(still).toContain('Its window is still 0.');
    expect(still).not.toContain('arrived');
    const [open] = sentenceLines([
      { key: 'tcp_ack', params: { ...ack, acked: 'data', oldSeq: false, answers: { probeFrame: 6, window: 1000, windowBefore: 0 } } },
    ]);
    expect(open).toContain('Its window is now 1000 bytes: the window has opened');
  });

  it('ACK 1: only the SYN when the capture has the handshake, what came before when it does not', () => {
    const [syn] = sentenceLines([{ key: 'tcp_ack', params: { ...ack, ack: 1, acked: 'nothing-sent', oldSeq: true } }]);
    expect(syn).toContain('with no data and an old sequence number (1). Its acknowledgment number, 1, acknowledges only the other side’s SYN');
    expect(syn).not.toMatch(/every byte|before sequence number 1 arrived/);
    const [missing] = sentenceLines([{ key: 'tcp_ack', params: { ...ack, ack: 1, acked: 'first-byte-missing', oldSeq: false } }]);
    expect(missing).toContain('the other side has sent data, but its first byte, 1, had not arrived');
    expect(missing).not.toContain('has sent no data');
    const [start] = sentenceLines([{ key: 'tcp_ack', params: { ...ack, ack: 1, acked: 'before-capture', oldSeq: false } }]);
    expect(start).toContain('its acknowledgment number, 1, is relative to where the capture begins');
    expect(start).toContain('what the other side sent in segments the capture does not show');
  });

  it('otherwise: what arrived before its number', () => {
    const [line] = sentenceLines([{ key: 'tcp_ack', params: { ...ack, acked: 'data', oldSeq: false } }]);
    expect(line).toContain('everything it sent before sequence number 1461 arrived');
  });
});

describe('a data segment’s sentence', () => {
  const data = { srcPort: 50648, dstPort: 5002, seq: 34753, ack: 1, len: 1448, nxtseq: 36201, acksFrame: 0, states: null, push: false };

  it('names where the next segment starts only when this one advances the sequence', () => {
    const [fresh] = sentenceLines([{ key: 'tcp_data', params: { ...data, behind: false } }]);
    expect(fresh).toContain('bytes 34753 to 36200 of this direction; the next segment should start at 36201.');
    const [again] = sentenceLines([{ key: 'tcp_data', params: { ...data, behind: true } }]);
    expect(again).toContain('bytes 34753 to 36200 of this direction, at sequence numbers this side had already reached.');
    expect(again).not.toContain('next segment');
  });
});
