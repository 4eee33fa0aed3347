import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frameData, readCapture } from '../capture/read.ts';
import { dissectFrame, findAll } from '../dissect.ts';

// Expected values: tshark 4.0 on testdata/hostile-vlan.pcap (make-hostile.mjs):
// frames with 2,000, 21, 20 and 3 tags around one UDP datagram.
describe('802.1Q tags nested too deep', () => {
  const bytes = readFileSync(new URL('./testdata/hostile-vlan.pcap', import.meta.url));
  const frames = readCapture(bytes).frames.map((r) => dissectFrame(r, frameData(bytes, r)));

  it('stops after 20 tags with the note "Too many nested VLAN tags", as tshark', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => String(i + 1));
    for (const f of frames.slice(0, 2)) {
      expect(f.protocols).toBe(`eth:ethertype:${'vlan:ethertype:'.repeat(20)}vlan`);
      expect(findAll(f.tree, 'vlan.id').map((x) => x.show)).toEqual(twenty);
      expect(f.columns).toMatchObject({ protocol: 'VLAN', info: 'PRI: 1  DEI: 0  ID: 21' });
      const last = f.tree.filter((x) => x.name === 'vlan').at(-1)!;
      expect(last).toMatchObject({ display: '802.1Q Virtual LAN', show: 'vlan', offset: 94, length: 4, children: [] });
      expect(last.expert).toEqual([{ name: 'vlan.too_many_tags', severity: 'warn', message: 'Too many nested VLAN tags' }]);
      expect(findAll(f.tree, 'udp')).toEqual([]);
    }
  });

  it('dissects 20 tags and what they carry', () => {
    expect(frames[2].protocols).toBe(`eth:ethertype:${'vlan:ethertype:'.repeat(20)}ip:udp:data`);
    expect(frames[2].columns.info).toBe('1000 → 2000 Len=4');
    expect(frames[3].protocols).toBe('eth:ethertype:vlan:ethertype:vlan:ethertype:vlan:ethertype:ip:udp:data');
  });
});
