// TCP options (RFC 9293 3.1, RFC 7323, RFC 2018) from their short text forms,
// written in the order given: "mss 1460", "nop", "wscale 8", "sack_perm",
// "sack 929097925-929097963 ...", "ts 12345 0", "eol".

import { concat, putU16, putU32 } from './bytes.ts';
import { TCP_OPT, TCP_OPT_LEN } from '../layers/tcp.ts';

const K = TCP_OPT;
const L = TCP_OPT_LEN;

export type TcpOption =
  | { kind: 'eol' }
  | { kind: 'nop' }
  | { kind: 'mss'; value: number }
  | { kind: 'wscale'; shift: number }
  | { kind: 'sack_perm' }
  | { kind: 'sack'; blocks: [number, number][] }
  | { kind: 'ts'; tsval: number; tsecr: number };

const U32 = /^(0|[1-9]\d{0,9})$/;
const u32 = (s: string | undefined) => (s !== undefined && U32.test(s) && Number(s) <= 0xffffffff ? Number(s) : undefined);

/** The option for one text form, or a message saying what is wrong. */
export function parseTcpOption(text: string): TcpOption | string {
  const [name, ...args] = text.trim().split(/\s+/);
  const argc = (n: number) => (args.length === n ? undefined : `'${name}' takes ${n} value${n === 1 ? '' : 's'}, found ${args.length}`);
  switch (name) {
    case 'eol':
    case 'nop':
    case 'sack_perm':
      return argc(0) ?? { kind: name };
    case 'mss': {
      const v = u32(args[0]);
      return argc(1) ?? (v !== undefined && v <= 0xffff ? { kind: 'mss', value: v } : `mss must be 0-65535, found '${args[0]}'`);
    }
    case 'wscale': {
      const v = u32(args[0]);
      return (
        argc(1) ?? (v !== undefined && v <= 255 ? { kind: 'wscale', shift: v } : `wscale must be 0-255 (14 is the largest RFC 7323 allows), found '${args[0]}'`)
      );
    }
    case 'ts': {
      const a = u32(args[0]);
      const b = u32(args[1]);
      return argc(2) ?? (a !== undefined && b !== undefined ? { kind: 'ts', tsval: a, tsecr: b } : 'ts takes two 32-bit numbers: ts TSVAL TSECR');
    }
    case 'sack': {
      if (args.length < 1 || args.length > 4) return 'sack takes 1 to 4 blocks LEFT-RIGHT (e.g. sack 929097925-929097963)';
      const blocks: [number, number][] = [];
      for (const a of args) {
        const [l, r, extra] = a.split('-');
        const lv = u32(l);
        const rv = u32(r);
        if (lv === undefined || rv === undefined || extra !== undefined) return `sack block '${a}' is not LEFT-RIGHT with 32-bit numbers`;
        blocks.push([lv, rv]);
      }
      return { kind: 'sack', blocks };
    }
    default:
      return `unknown TCP option '${name}': use mss N, nop, wscale N, sack_perm, sack L-R..., ts VAL ECR or eol`;
  }
}

function encodeTcpOption(o: TcpOption): Uint8Array {
  switch (o.kind) {
    case 'eol':
      return Uint8Array.of(K.EOL);
    case 'nop':
      return Uint8Array.of(K.NOP);
    case 'mss': {
      const b = Uint8Array.of(K.MSS, L.MSS, 0, 0);
      putU16(b, L.HEAD, o.value);
      return b;
    }
    case 'wscale':
      return Uint8Array.of(K.WSCALE, L.WSCALE, o.shift);
    case 'sack_perm':
      return Uint8Array.of(K.SACK_PERM, L.SACK_PERM);
    case 'sack': {
      const b = new Uint8Array(L.SACK_HEAD + L.SACK_BLOCK * o.blocks.length);
      b.set([K.SACK, b.length]);
      o.blocks.forEach(([l, r], i) => {
        putU32(b, L.SACK_HEAD + L.SACK_BLOCK * i, l);
        putU32(b, L.SACK_HEAD + 4 + L.SACK_BLOCK * i, r);
      });
      return b;
    }
    case 'ts': {
      const b = new Uint8Array(L.TIMESTAMP);
      b.set([K.TIMESTAMP, L.TIMESTAMP]);
      putU32(b, L.HEAD, o.tsval);
      putU32(b, L.HEAD + 4, o.tsecr);
      return b;
    }
  }
}

/** The options area as given; the caller checks it is a multiple of 4 (no silent padding). */
export function encodeTcpOptions(opts: readonly TcpOption[]): Uint8Array {
  return concat(opts.map(encodeTcpOption));
}
