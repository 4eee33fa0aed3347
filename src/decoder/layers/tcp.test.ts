import { describe, expect, it } from 'vitest';
import { compileWanted, dissectFrame, extractFields, findAll, findField } from '../dissect.ts';
import type { DissectSession } from '../dissect.ts';
import { agree, load } from './testdata/oracle.ts';
import { readFileSync } from 'node:fs';
import { frameData, readCapture } from '../capture/index.ts';

const crafted = () => load('crafted-eth.pcap', 'crafted-eth.tshark.json').frames;

describe('TCP', () => {
  it('agrees with tshark: flags, every option kind, bad offsets and options, cut segments', () => {
    expect(agree('crafted-eth', ['tcp', '_ws.malformed', '_ws.short'])).toEqual([]);
    expect(agree('loopback', ['tcp'])).toEqual([]);
  });

  it("rebuilds the report's SYN: checksum 0x3345 verifies, Info as tshark 4.0 writes it", () => {
    const f = crafted()[0].dissected;
    expect(findField(f.tree, 'tcp.checksum')!.display).toBe('Checksum: 0x3345 [correct]');
    expect(f.columns.info).toBe('56986 → 80 [SYN] Seq=976928197 Win=64240 Len=0 MSS=1460 WS=256 SACK_PERM');
    expect(findField(f.tree, 'tcp.flags')).toMatchObject({ show: '0x0002', display: 'Flags: 0x002 (SYN)' });
    expect(findField(f.tree, 'tcp.flags.str')!.show).toBe('··········S·');
    expect(findField(f.tree, 'tcp.options.wscale')!.display).toBe('TCP Option - Window scale: 8 (multiply by 256)');
    expect(f.layers.tcp).toMatchObject({
      srcPort: 56986,
      dstPort: 80,
      seq: 976928197,
      hdrLen: 32,
      flags: 0x002,
      window: 64240,
      options: { mss: 1460, wscale: 8, sackPermitted: true },
    });
  });

  it('keeps raw SACK edges and counts blocks', () => {
    const f = crafted()[2].dissected;
    expect(findAll(f.tree, 'tcp.options.sack_le').map((x) => x.show)).toEqual(['1000', '3000']);
    expect(findAll(f.tree, 'tcp.options.sack_re').map((x) => x.show)).toEqual(['2000', '4000']);
    expect(f.layers.tcp?.options.sack).toEqual([
      [1000, 2000],
      [3000, 4000],
    ]);
  });

  it('marks a data offset past the packet malformed and a short one bogus', () => {
    const frames = crafted();
    expect(frames[4].dissected.malformed).toBe(true);
    expect(frames[4].dissected.columns.info).toBe('1111 → 2222 [ACK] Seq=1 Ack=2 Win=64240[Malformed Packet]');
    expect(frames[3].dissected.malformed).toBe(true);
    expect(findField(frames[3].dissected.tree, 'tcp.hdr_len')!.expert?.[0].name).toBe('tcp.bogus_header_length');
  });

  it('flags option lengths that are too short or run past the header', () => {
    const frames = crafted();
    for (const i of [5, 6]) {
      const opts = findField(frames[i].dissected.tree, 'tcp.options')!;
      expect(opts.children![0].expert?.[0].name).toBe('tcp.option.len.invalid');
      expect(frames[i].dissected.malformed).toBe(true);
    }
  });

  it('lets an analysis session rewrite Seq/Ack and add to the tree', () => {
    const seen: number[] = [];
    const session: DissectSession = {
      tcp(h) {
        seen.push(h.seq);
        return {
          stream: 0,
          seq: 0,
          ack: 0,
          windowSize: h.window * 256,
          infoPrefix: '[TCP Retransmission] ',
          emitAfterOptions(out) {
            out.text('[SEQ/ACK analysis]', h.offset, 0);
          },
        };
      },
    };
    const { frames } = load('crafted-eth.pcap', 'crafted-eth.tshark.json', { session });
    const f = frames[0].dissected;
    expect(seen[0]).toBe(976928197);
    expect(f.columns.info).toBe('[TCP Retransmission] 56986 → 80 [SYN] Seq=0 Win=16445440 Len=0 MSS=1460 WS=256 SACK_PERM');
    expect(findField(f.tree, 'tcp.seq')!.show).toBe('0');
    expect(findField(f.tree, 'tcp.ack_raw')!.show).toBe('0');
    const tcp = findField(f.tree, 'tcp')!;
    expect(tcp.display).toContain('Seq: 0');
    expect(tcp.children!.some((c) => c.display === '[SEQ/ACK analysis]')).toBe(true);
  });

  it('gives tcp.ack_raw and tcp.seq_raw to the fields path even when the tree hides them', () => {
    const f = crafted()[2];
    const w = compileWanted(['tcp.seq_raw', 'tcp.ack_raw', 'tcp.flags.ack', 'tcp.port']);
    expect(findField(f.dissected.tree, 'tcp.ack_raw')).toBeUndefined();
    const frameBytes = frameBytesOf(3);
    expect(extractFields(recordOf(3), frameBytes, w)).toEqual(['976928198', '3776155060', '1', '56986,80']);
    expect(dissectFrame(recordOf(3), frameBytes).layers.tcp?.ack).toBe(3776155060);
  });
});

const CRAFTED = new Uint8Array(readFileSync(new URL('./testdata/crafted-eth.pcap', import.meta.url)));
const CAP = readCapture(CRAFTED);
function recordOf(n: number) {
  return CAP.frames[n - 1];
}
function frameBytesOf(n: number) {
  return frameData(CRAFTED, CAP.frames[n - 1]);
}
