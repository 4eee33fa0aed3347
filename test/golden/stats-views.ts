// The `-z` views the statistics golden test compares, per capture: every TCP
// and UDP stream followed in each mode, the conversation tables, the protocol
// hierarchy and the expert summary. Fixtures: stats/NAME.json.gz, one
// object { "-z argument": tshark's output } per capture (regen-stats.ts).

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { FIXTURES } from './golden.ts';

export const STATS_FIXTURES = join(FIXTURES, '..', 'stats');

/** The table and summary views, the same for every capture. */
export const STAT_VIEWS = ['conv,eth', 'conv,ip', 'conv,ipv6', 'conv,tcp', 'conv,udp', 'io,phs', 'expert'] as const;

const FOLLOW_MODES = ['ascii', 'hex', 'raw'] as const;

/** The follow views of a capture's streams. */
export function followViews(tcp: readonly number[], udp: readonly number[]): string[] {
  const each = (proto: string, streams: readonly number[]) => streams.flatMap((n) => FOLLOW_MODES.map((m) => `follow,${proto},${m},${n}`));
  return [...each('tcp', tcp), ...each('udp', udp)];
}

export const statsFixture = (name: string): string => join(STATS_FIXTURES, `${name}.json.gz`);

/** A capture's fixture: tshark's output per view, its bytes read as UTF-8 (tshark prints comments and HTTP lines in it). */
export function readStatsFixture(name: string): Record<string, string> {
  const raw: Record<string, string> = JSON.parse(gunzipSync(readFileSync(statsFixture(name))).toString('latin1'));
  return Object.fromEntries(Object.entries(raw).map(([z, text]) => [z, Buffer.from(text, 'latin1').toString('utf8')]));
}
