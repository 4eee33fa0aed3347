// One direction's state as the analyzer keeps it, with its yes/no facts packed
// into one small integer: a SYN flood keeps 150,000 of these, and eight
// boolean fields were 56 bytes more each than one.

import { S_UNKNOWN } from './conn-state.ts';
import type { Flow } from './tcp-analyzer.ts';
import type { UnackedSegments } from './unacked.ts';
import type { PduTracker } from './reassembly.ts';

export const BASE_SET = 1;
export const SYN_SEEN = 2;
export const NEXT_SEQ_SET = 4;
export const MAX_SEQ_SET = 8;
export const LAST_ACK_SET = 16;
export const WINDOW_SET = 32;
export const VALID_BIF = 64;
export const FIN_SEEN = 128;

export class FlowState implements Flow {
  addr: string;
  port: number;
  /** The yes/no facts (the bits above), read and written through the accessors. */
  bits = VALID_BIF;
  base = 0;
  wsOpt = -1;
  scale = -1;
  nextSeq = 0;
  nextSeqFrame = 0;
  nextSeqTime = 0;
  maxSeqToBeAcked = 0;
  lastAck = 0;
  lastAckTime = 0;
  lastAckFrame = 0;
  lastNonDupAck = 0;
  dupAckNum = 0;
  window = 0;
  lastAnalysis = 0;
  lastFrame = 0;
  pushBytes = 0;
  sackBytes = 0;
  unacked: UnackedSegments | undefined = undefined;
  loneLen = 0;
  loneFrame = 0;
  loneSeq = 0;
  loneTime = 0;
  finNext = 0;
  finFrame = 0;
  rstFrame = 0;
  packets = 0;
  bytes = 0;
  retransmissions = 0;
  state = S_UNKNOWN;
  pdu: PduTracker | null = null;

  constructor(addr: string, port: number) {
    this.addr = addr;
    this.port = port;
  }

  private set(bit: number, on: boolean): void {
    this.bits = on ? this.bits | bit : this.bits & ~bit;
  }

  get baseSet(): boolean {
    return (this.bits & BASE_SET) !== 0;
  }
  set baseSet(on: boolean) {
    this.set(BASE_SET, on);
  }
  get synSeen(): boolean {
    return (this.bits & SYN_SEEN) !== 0;
  }
  set synSeen(on: boolean) {
    this.set(SYN_SEEN, on);
  }
  get nextSeqSet(): boolean {
    return (this.bits & NEXT_SEQ_SET) !== 0;
  }
  set nextSeqSet(on: boolean) {
    this.set(NEXT_SEQ_SET, on);
  }
  get maxSeqSet(): boolean {
    return (this.bits & MAX_SEQ_SET) !== 0;
  }
  set maxSeqSet(on: boolean) {
    this.set(MAX_SEQ_SET, on);
  }
  get lastAckSet(): boolean {
    return (this.bits & LAST_ACK_SET) !== 0;
  }
  set lastAckSet(on: boolean) {
    this.set(LAST_ACK_SET, on);
  }
  get windowSet(): boolean {
    return (this.bits & WINDOW_SET) !== 0;
  }
  set windowSet(on: boolean) {
    this.set(WINDOW_SET, on);
  }
  get validBif(): boolean {
    return (this.bits & VALID_BIF) !== 0;
  }
  set validBif(on: boolean) {
    this.set(VALID_BIF, on);
  }
  get finSeen(): boolean {
    return (this.bits & FIN_SEEN) !== 0;
  }
  set finSeen(on: boolean) {
    this.set(FIN_SEEN, on);
  }
}
