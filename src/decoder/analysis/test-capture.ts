// Test support: a minimal pcap/pcapng reader and IPv4/IPv6 + TCP/UDP header parser that turns
// frames into analysis inputs. Only for tests of this folder (the real readers live elsewhere).
import type { TcpSegmentInput, UdpDatagramInput, TcpOptionsInput } from './types.ts';
import { TCP_HEADER, TCP_OPT as K, TCP_OPT_LEN as KL } from '../layers/tcp.ts';
import { bindingKey } from '../bindings.ts';

const ETHERTYPE_IPV4 = bindingKey('ethertype', 'ipv4');
const ETHERTYPE_IPV6 = bindingKey('ethertype', 'ipv6');
const ETHERTYPE_VLAN = bindingKey('ethertype', 'vlan');
const PROTO_TCP = bindingKey('ip.proto', 'tcp');
const PROTO_UDP = bindingKey('ip.proto', 'udp');

export interface RawFrame {
  number: number;
  time: bigint;
  linkType: number;
  data: Uint8Array;
}

export function readFrames(file: Uint8Array): RawFrame[] {
  const dv = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const out: RawFrame[] = [];
  const magic = dv.getUint32(0, true);
  if (magic === 0x0a0d0d0a) {
    let off = 0;
    let le = true;
    const ifaces: Array<{ link: number; tsres: bigint }> = [];
    while (off + 12 <= file.length) {
      const type = dv.getUint32(off, le);
      if (type === 0x0a0d0d0a) le = dv.getUint32(off + 8, true) === 0x1a2b3c4d;
      const len = dv.getUint32(off + 4, le);
      if (len < 12 || off + len > file.length) break;
      if (type === 1) {
        let tsres = 1_000_000n;
        let o = off + 16;
        while (o + 4 <= off + len - 4) {
          const code = dv.getUint16(o, le);
          const olen = dv.getUint16(o + 2, le);
          if (code === 0) break;
          if (code === 9) {
            const v = file[o + 4];
            tsres = v & 0x80 ? 2n ** BigInt(v & 0x7f) : 10n ** BigInt(v);
          }
          o += 4 + ((olen + 3) & ~3);
        }
        ifaces.push({ link: dv.getUint16(off + 8, le), tsres });
      } else if (type === 6) {
        const ifc = ifaces[dv.getUint32(off + 8, le)];
        const ts = (BigInt(dv.getUint32(off + 12, le)) << 32n) | BigInt(dv.getUint32(off + 16, le));
        const cap = dv.getUint32(off + 20, le);
        out.push({
          number: out.length + 1,
          time: (ts * 1_000_000_000n) / ifc.tsres,
          linkType: ifc.link,
          data: file.subarray(off + 28, off + 28 + cap),
        });
      }
      off += len;
    }
    return out;
  }
  // Classic pcap.
  const le = magic === 0xa1b2c3d4 || magic === 0xa1b23c4d;
  const nano = magic === 0xa1b23c4d || magic === 0x4d3cb2a1;
  const link = dv.getUint32(20, le);
  let off = 24;
  while (off + 16 <= file.length) {
    const sec = BigInt(dv.getUint32(off, le));
    const frac = BigInt(dv.getUint32(off + 4, le));
    const cap = dv.getUint32(off + 8, le);
    out.push({
      number: out.length + 1,
      time: sec * 1_000_000_000n + frac * (nano ? 1n : 1000n),
      linkType: link,
      data: file.subarray(off + 16, off + 16 + cap),
    });
    off += 16 + cap;
  }
  return out;
}

const ip4 = (b: Uint8Array, o: number): string => `${b[o]}.${b[o + 1]}.${b[o + 2]}.${b[o + 3]}`;
const ip6 = (b: Uint8Array, o: number): string => {
  const parts: string[] = [];
  for (let i = 0; i < 16; i += 2) parts.push(((b[o + i] << 8) | b[o + i + 1]).toString(16));
  return parts.join(':');
};

/** An IP fragment: its datagram's transport is read in the frame completing it (ip-fragments.ts). */
export interface FragmentInput {
  frame: number;
  time: bigint;
  src: string;
  dst: string;
  proto: number;
  key: string;
  offset: number;
  length: number;
  more: boolean;
  payload: Uint8Array;
}

export type Parsed = { tcp: TcpSegmentInput } | { udp: UdpDatagramInput } | { fragment: FragmentInput } | null;

export function parseFrame(f: RawFrame): Parsed {
  const b = f.data;
  let o: number;
  let etype: number;
  if (f.linkType === 1) {
    o = 14;
    etype = (b[12] << 8) | b[13];
  } else if (f.linkType === 113) {
    o = 16;
    etype = (b[14] << 8) | b[15];
  } else if (f.linkType === 276) {
    o = 20;
    etype = (b[0] << 8) | b[1];
  } else if (f.linkType === 0) {
    o = 4;
    etype = b[0] === 2 || b[3] === 2 ? ETHERTYPE_IPV4 : ETHERTYPE_IPV6;
  } else if (f.linkType === 101) {
    o = 0;
    etype = b[0] >> 4 === 6 ? ETHERTYPE_IPV6 : ETHERTYPE_IPV4;
  } else return null;
  while (etype === ETHERTYPE_VLAN) {
    etype = (b[o + 2] << 8) | b[o + 3];
    o += 4;
  }
  let src: string, dst: string, proto: number, l4: number, l4len: number;
  if (etype === ETHERTYPE_IPV4) {
    const ihl = (b[o] & 15) * 4;
    const total = (b[o + 2] << 8) | b[o + 3];
    proto = b[o + 9];
    src = ip4(b, o + 12);
    dst = ip4(b, o + 16);
    l4 = o + ihl;
    l4len = total - ihl;
    const off = (((b[o + 6] & 0x1f) << 8) | b[o + 7]) * 8;
    const more = (b[o + 6] & 0x20) !== 0;
    if (off !== 0 || more) {
      const id = (b[o + 4] << 8) | b[o + 5];
      const payload = b.subarray(l4, l4 + l4len);
      const key = `4|${src}|${dst}|${id}|${proto}`;
      return { fragment: { frame: f.number, time: f.time, src, dst, proto, key, offset: off, length: l4len, more, payload } };
    }
  } else if (etype === ETHERTYPE_IPV6) {
    proto = b[o + 6];
    src = ip6(b, o + 8);
    dst = ip6(b, o + 24);
    l4 = o + 40;
    l4len = (b[o + 4] << 8) | b[o + 5];
    if (proto === 44) {
      const offm = (b[l4 + 2] << 8) | b[l4 + 3];
      const ident = ((b[l4 + 4] << 24) | (b[l4 + 5] << 16) | (b[l4 + 6] << 8) | b[l4 + 7]) >>> 0;
      const payload = b.subarray(l4 + 8, l4 + l4len);
      const key = `6|${src}|${dst}|${ident}`;
      const fragment = {
        frame: f.number,
        time: f.time,
        src,
        dst,
        proto: b[l4],
        key,
        offset: offm & 0xfff8,
        length: l4len - 8,
        more: (offm & 1) !== 0,
        payload,
      };
      return { fragment };
    }
  } else return null;
  const u16 = (i: number): number => (b[i] << 8) | b[i + 1];
  const u32 = (i: number): number => ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;
  if (proto === PROTO_UDP) return { udp: { frame: f.number, time: f.time, src, dst, srcPort: u16(l4), dstPort: u16(l4 + 2) } };
  if (proto !== PROTO_TCP) return null;
  const hl = (b[l4 + TCP_HEADER.dataOffset] >> 4) * 4;
  const options: TcpOptionsInput = {};
  for (let i = l4 + TCP_HEADER.length; i < l4 + hl && i < b.length; ) {
    const kind = b[i];
    if (kind === K.EOL) break;
    if (kind === K.NOP) {
      i++;
      continue;
    }
    const len = b[i + 1];
    // Past the captured bytes (snap length) the option is unknown, as in the TCP layer.
    if (len < 2 || i + len > b.length) break;
    if (kind === K.MSS) options.mss = u16(i + 2);
    else if (kind === K.WSCALE) options.wscale = b[i + 2];
    else if (kind === K.SACK_PERM) options.sackPerm = true;
    else if (kind === K.SACK) {
      options.sack = [];
      for (let j = i + KL.SACK_HEAD; j + KL.SACK_BLOCK <= i + len; j += KL.SACK_BLOCK) options.sack.push([u32(j), u32(j + 4)]);
    }
    i += len;
  }
  if (l4 + hl > b.length) options.cut = true;
  const payloadLength = Math.max(0, l4len - hl);
  return {
    tcp: {
      frame: f.number,
      time: f.time,
      src,
      dst,
      srcPort: u16(l4 + TCP_HEADER.srcPort),
      dstPort: u16(l4 + TCP_HEADER.dstPort),
      seqRaw: u32(l4 + TCP_HEADER.seq),
      ackRaw: u32(l4 + TCP_HEADER.ack),
      flags: u16(l4 + TCP_HEADER.flags) & TCP_HEADER.flagsMask,
      windowRaw: u16(l4 + TCP_HEADER.window),
      payloadLength,
      options,
      payload: b.subarray(l4 + hl, l4 + hl + payloadLength),
    },
  };
}
