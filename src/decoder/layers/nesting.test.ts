import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frameData, readCapture } from '../capture/read.ts';
import { dissectFrame, findAll } from '../dissect.ts';

// Expected values: tshark 4.0 on testdata/hostile-nesting.pcap (make-hostile.mjs): ICMP errors
// quoting ICMP errors 3 and 2,000 deep, ICMPv6 2 and 600 deep, IPv6 with 3 and 6,000
// Destination Options headers. Wireshark stops a frame at 499 layers with a "Dissector bug"
// note (its tree-depth limit); before, these frames overflowed the stack or ran unbounded.
describe('nesting the packet drives', () => {
  const bytes = readFileSync(new URL('./testdata/hostile-nesting.pcap', import.meta.url));
  const frames = readCapture(bytes).frames.map((r) => dissectFrame(r, frameData(bytes, r)));
  const count = (protocols: string, name: string) => protocols.split(':').filter((p) => p === name).length;
  const note = './epan/packet.c:869: failed assertion "saved_layers_len < prefs.gui_max_tree_depth"';

  it('dissects shallow nesting whole', () => {
    expect(frames[0].protocols).toBe('eth:ethertype:ip:icmp:ip:icmp:ip:icmp:ip:udp:data');
    expect(frames[2].protocols).toBe('eth:ethertype:ipv6:icmpv6:ipv6:icmpv6:ipv6:udp:data');
    expect(frames[4].protocols).toBe('eth:ethertype:ipv6:ipv6.dstopts:ipv6.dstopts:ipv6.dstopts:udp:data');
  });

  it('stops deep nesting where tshark does, with its note, keeping the columns', () => {
    const want: Array<[number, string, number, string, string]> = [
      [1, 'icmp', 248, 'Destination unreachable (Port unreachable)', 'IPv4'],
      [3, 'icmpv6', 248, 'Destination Unreachable (Port unreachable)', 'IPv6'],
      [5, 'ipv6.dstopts', 496, '', 'IPv6 Destination'],
    ];
    for (const [i, layer, n, info, proto] of want) {
      const f = frames[i];
      expect(f.protocols.split(':').length).toBe(499);
      expect(count(f.protocols, layer)).toBe(n);
      if (info) expect(f.columns.info).toBe(info);
      const bug = findAll(f.tree, '_ws.malformed');
      expect(bug.map((x) => x.show)).toEqual([`[Dissector bug, protocol ${proto}: ${note}]`]);
      expect(bug[0].expert).toEqual([{ name: '_ws.malformed', severity: 'error', message: note }]);
    }
    expect(frames[5].columns.info.startsWith('IPv6 destination options , IPv6 destination options')).toBe(true);
  });
});
