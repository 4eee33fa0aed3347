import { describe, expect, it } from 'vitest';
import { compileWanted, extractFields } from '../dissect.ts';
import { REPORT_FRAME_1 } from '../layers/testdata/seed.ts';
import { record } from '../layers/testdata/oracle.ts';

describe('wanted fields', () => {
  it('reports names no layer defines', () => {
    const w = compileWanted(['udp.srcport', 'udp.nonsense']);
    expect(w.unknown).toEqual(['udp.nonsense']);
  });

  it('keeps only what was asked, as tshark -T fields prints it', () => {
    const w = compileWanted([
      'eth.addr',
      'ip.checksum',
      'ip.checksum.status',
      'udp.port',
      'dns.qry.name',
      'dns.flags.recdesired',
      'udp',
      '_ws.col.Info',
      '_ws.col.Protocol',
      'frame.protocols',
    ]);
    expect(extractFields(record(REPORT_FRAME_1), REPORT_FRAME_1, w)).toEqual([
      '70:5d:cc:65:65:aa,48:5f:99:46:85:d3',
      '0xd77c',
      '1',
      '54744,53',
      'st.afreecatv.com',
      '1',
      'User Datagram Protocol, Src Port: 54744, Dst Port: 53',
      'Standard query 0x562d A st.afreecatv.com',
      'DNS',
      'eth:ethertype:ip:udp:dns',
    ]);
  });

  it('gives empty strings for fields the frame does not have', () => {
    const w = compileWanted(['tcp.srcport', 'arp.opcode']);
    expect(extractFields(record(REPORT_FRAME_1), REPORT_FRAME_1, w)).toEqual(['', '']);
  });
});
