import { describe, expect, it } from 'vitest';
import { dissectFrame, findField } from '../dissect.ts';
import { agree, record } from './testdata/oracle.ts';
import { REPORT_FRAME_1 } from './testdata/seed.ts';

describe('frame', () => {
  it('agrees with tshark on number, lengths, encapsulation and protocols', () => {
    for (const c of ['crafted-eth', 'loopback', 'report', 'crafted-sll', 'crafted-null', 'crafted-raw', 'crafted-unknown'] as const) {
      expect(agree(c, ['frame'])).toEqual([]);
    }
  });

  it('gives times, comments and the interface as the capture says', () => {
    const r = { ...record(REPORT_FRAME_1, 1, 2), timestamp: 1_795_616_040_315_469_192n, comments: ['first query'] };
    const d = dissectFrame(r, REPORT_FRAME_1, {
      firstTimestamp: 1_795_616_040_315_104_057n,
      previousTimestamp: 1_795_616_040_315_104_057n,
      interfaceName: 'lo',
    });
    expect(findField(d.tree, 'frame')!.display).toBe('Frame 2: 76 bytes on wire (608 bits), 76 bytes captured (608 bits) on interface lo, id 0');
    expect(findField(d.tree, 'frame.time_epoch')!.show).toBe('1795616040.315469192');
    expect(findField(d.tree, 'frame.time_delta')!.show).toBe('0.000365135');
    expect(findField(d.tree, 'frame.time_relative')!.show).toBe('0.000365135');
    expect(findField(d.tree, 'frame.comment')!.show).toBe('first query');
    expect(findField(d.tree, 'frame.protocols')!.show).toBe('eth:ethertype:ip:udp:dns');
    expect(findField(d.tree, 'frame.encap_type')!.display).toBe('Encapsulation type: Ethernet (1)');
  });
});
