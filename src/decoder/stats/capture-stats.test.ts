// The explorer's statistics, written out as tshark prints them, against
// tshark's own `-z` output on the course's captures (stored fixtures).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readStatsFixture } from '../../../test/golden/stats-views.ts';
import { openCapture } from '../open-capture.ts';
import { captureStats } from './capture-stats.ts';
import { conversationsText } from './conversations-text.ts';
import { expertText } from './expert-summary.ts';
import { hierarchyText } from './hierarchy.ts';

describe('captureStats against tshark -z', () => {
  for (const name of ['tcp-http', 'udp-dns', 'tcp-ipv6-loss', 'udp-fragments', 'arp']) {
    it(name, () => {
      const tshark = readStatsFixture(name);
      const stats = captureStats(openCapture(new Uint8Array(readFileSync(`captures/recorded/${name}.pcapng`))));
      for (const kind of ['ip', 'ipv6', 'udp'] as const) expect(conversationsText(kind, stats.conv[kind])).toBe(tshark[`conv,${kind}`]);
      expect(hierarchyText(stats.phs)).toBe(tshark['io,phs']);
      expect(expertText(stats.expert)).toBe(tshark.expert);
      // Every counted item names its frame.
      for (const e of stats.expert) expect(e.frames.length).toBeGreaterThan(0);
    });
  }

  it('lists the frames of an expert entry', () => {
    const stats = captureStats(openCapture(new Uint8Array(readFileSync('captures/recorded/tcp-http.pcapng'))));
    // tshark -Y '_ws.expert.message == "Connection finish (FIN)"' -T fields -e frame.number
    expect(stats.expert.find((e) => e.summary === 'Connection finish (FIN)')!.frames).toEqual([14, 15]);
  });
});
