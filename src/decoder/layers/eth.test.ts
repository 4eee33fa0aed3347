import { describe, expect, it } from 'vitest';
import { dissectFrame, findAll, findField } from '../dissect.ts';
import { agree, hex, record } from './testdata/oracle.ts';
import { REPORT_FRAME_1 } from './testdata/seed.ts';

describe('Ethernet II', () => {
  it('agrees with tshark on every recorded frame', () => {
    expect(agree('crafted-eth', ['eth'])).toEqual([]);
    expect(agree('loopback', ['eth'])).toEqual([]);
    expect(agree('report', ['eth'])).toEqual([]);
  });

  it('names the report frame 1 addresses and type', () => {
    const d = dissectFrame(record(REPORT_FRAME_1), REPORT_FRAME_1);
    const eth = findField(d.tree, 'eth')!;
    expect(eth.display).toBe('Ethernet II, Src: CloudNet_46:85:d3 (48:5f:99:46:85:d3), Dst: EFMNetwo_65:65:aa (70:5d:cc:65:65:aa)');
    expect(findField(d.tree, 'eth.type')!.show).toBe('0x0800');
    expect(findAll(d.tree, 'eth.addr').map((f) => f.show)).toEqual(['70:5d:cc:65:65:aa', '48:5f:99:46:85:d3']);
    expect(findField(d.tree, 'eth.dst.ig')).toMatchObject({ show: '0', mask: 0x10000, offset: 0, length: 3 });
  });

  it('shows bytes after the IP packet as padding', () => {
    const short = hex('020000000002 020000000001 0800 4500001c 1234 4000 4011 149b 0a000001 0a000002 00070009 0008ebcb');
    const frame = new Uint8Array(60);
    frame.set(short);
    const d = dissectFrame(record(frame), frame);
    expect(findField(d.tree, 'eth.padding')).toMatchObject({ offset: 42, length: 18, show: '00'.repeat(18) });
  });

  it('marks a frame shorter than the header malformed and keeps going', () => {
    const d = dissectFrame(record(hex('02000000000202000000')), hex('02000000000202000000'));
    expect(d.malformed).toBe(true);
    expect(d.columns.info).toBe('[Malformed Packet]');
    expect(findField(d.tree, '_ws.malformed')!.display).toBe('[Malformed Packet: Ethernet]');
  });
});
