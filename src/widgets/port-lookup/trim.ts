// What the browser gets of the services table: the well-known range, a few
// registered ports a student meets often, and every port seen in the lesson's
// captures. Encoded as compact rows; the full table stays on the server.
import type { Service, Transport } from './lookup.ts';

/** Registered (User) ports worth knowing; their names still come from the services file. */
export const NOTABLE_REGISTERED: readonly number[] = [1080, 1194, 1433, 1812, 2049, 3306, 3389, 5060, 5222, 5353, 5432, 6379, 8080, 8081, 9418];

/** The services file's entries as the build script writes them (any protocol). */
export interface ServiceRecord {
  port: number;
  protocol: string;
  name: string;
  aliases: string[];
  comment?: string;
  unofficial?: boolean;
}

/** TCP and UDP entries only: the lesson is about those two. */
export function transportServices(all: readonly ServiceRecord[]): Service[] {
  return all
    .filter((s) => s.protocol === 'tcp' || s.protocol === 'udp')
    .map((s) => ({
      port: s.port,
      protocol: s.protocol as Transport,
      name: s.name,
      aliases: s.aliases,
      ...(s.comment ? { comment: s.comment } : {}),
      ...(s.unofficial ? { unofficial: true } : {}),
    }));
}

/** The part the browser needs: ports 0-1023, the notable registered ports, and the extra ports. */
export function trimServices(all: readonly Service[], extraPorts: readonly number[] = []): Service[] {
  const keep = new Set([...NOTABLE_REGISTERED, ...extraPorts]);
  return all.filter((s) => s.port <= 1023 || keep.has(s.port)).sort((a, b) => a.port - b.port);
}

/** A row: [port, "t"|"u", name, aliases joined by spaces, comment, 1 when unofficial]; empty trailing cells dropped. */
export type Row = [number, string, string, string?, string?, number?];

export function encodeServices(list: readonly Service[]): Row[] {
  return list.map((s) => {
    const row: Row = [s.port, s.protocol[0]!, s.name, s.aliases.join(' '), s.comment ?? '', s.unofficial ? 1 : 0];
    while (row.length > 3 && !row[row.length - 1]) row.pop();
    return row;
  });
}

export function decodeServices(rows: readonly Row[]): Service[] {
  return rows.map(([port, p, name, aliases, comment, unofficial]) => ({
    port,
    protocol: p === 'u' ? 'udp' : 'tcp',
    name,
    aliases: aliases ? aliases.split(' ') : [],
    ...(comment ? { comment } : {}),
    ...(unofficial ? { unofficial: true } : {}),
  }));
}
