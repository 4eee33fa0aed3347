import { describe, expect, it } from 'vitest';
import { decodeServices, encodeServices, transportServices, trimServices, NOTABLE_REGISTERED } from './trim.ts';
import type { Service } from './lookup.ts';

const all: Service[] = [
  { port: 22, protocol: 'tcp', name: 'ssh', aliases: [], comment: 'SSH Remote Login Protocol' },
  { port: 80, protocol: 'tcp', name: 'http', aliases: ['www'], comment: 'WorldWideWeb HTTP' },
  { port: 3306, protocol: 'tcp', name: 'mysql', aliases: [] },
  { port: 5432, protocol: 'tcp', name: 'postgresql', aliases: ['postgres'], comment: 'PostgreSQL Database' },
  { port: 6000, protocol: 'tcp', name: 'x11', aliases: ['x11-0'], comment: 'X Window System' },
  { port: 8081, protocol: 'tcp', name: 'tproxy', aliases: [] },
];

describe('trimServices', () => {
  it('keeps the well-known range, the notable registered ports and the extra ports', () => {
    expect(NOTABLE_REGISTERED).toContain(3306);
    expect(NOTABLE_REGISTERED).not.toContain(6000);
    expect(trimServices(all).map((s) => s.port)).toEqual([22, 80, 3306, 5432, 8081]);
    expect(trimServices(all, [6000]).map((s) => s.port)).toEqual([22, 80, 3306, 5432, 6000, 8081]);
  });

  it('drops protocols other than tcp and udp', () => {
    const mixed = [
      { port: 1, protocol: 'tcp', name: 'tcpmux', aliases: [] },
      { port: 2, protocol: 'ddp', name: 'nbp', aliases: [], comment: 'Name Binding Protocol' },
      { port: 5672, protocol: 'sctp', name: 'amqp', aliases: [] },
    ];
    expect(transportServices(mixed)).toEqual([{ port: 1, protocol: 'tcp', name: 'tcpmux', aliases: [] }]);
  });
});

describe('compact rows', () => {
  it('round-trip, dropping empty trailing cells', () => {
    const rows = encodeServices(all);
    expect(rows[0]).toEqual([22, 't', 'ssh', '', 'SSH Remote Login Protocol']);
    expect(rows[2]).toEqual([3306, 't', 'mysql']);
    expect(rows[3]).toEqual([5432, 't', 'postgresql', 'postgres', 'PostgreSQL Database']);
    expect(decodeServices(rows)).toEqual(all);
    expect(decodeServices([[53, 'u', 'domain']])).toEqual([{ port: 53, protocol: 'udp', name: 'domain', aliases: [] }]);
    // Debian's entries below "not as allocated by IANA" keep their mark.
    const local = { port: 8081, protocol: 'tcp' as const, name: 'tproxy', aliases: [], comment: 'Transparent Proxy', unofficial: true };
    expect(encodeServices([local])).toEqual([[8081, 't', 'tproxy', '', 'Transparent Proxy', 1]]);
    expect(decodeServices(encodeServices([local]))).toEqual([local]);
  });
});
