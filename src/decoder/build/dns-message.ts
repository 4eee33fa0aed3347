// A DNS message (RFC 1035 4.1) from names and records, with name compression
// (4.1.4) so that lengths come out as a real server's would.

import { concat, putU16, putU32 } from './bytes.ts';

export const DNS_TYPES: Readonly<Record<string, number>> = { A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, AAAA: 28 };

export interface DnsQuestion {
  name: string;
  type: number;
}
export interface DnsRecord {
  name: string;
  type: number;
  ttl: number;
  /** Already encoded rdata (an address), or a domain name (NS, CNAME, PTR) compressed against the message. */
  data: Uint8Array | { name: string };
}
export interface DnsMessage {
  id: number;
  flags: number;
  questions: DnsQuestion[];
  answers: DnsRecord[];
  authority: DnsRecord[];
  additional: DnsRecord[];
}

/** Writes names, remembering where each suffix went so later names can point to it. */
class NameWriter {
  parts: Uint8Array[] = [];
  size = 12;
  private seen = new Map<string, number>();

  name(name: string): void {
    const labels = name
      .replace(/\.$/, '')
      .split('.')
      .filter((l) => l !== '');
    for (let i = 0; i < labels.length; i++) {
      const suffix = labels.slice(i).join('.').toLowerCase();
      const at = this.seen.get(suffix);
      if (at !== undefined) {
        this.bytes(Uint8Array.of(0xc0 | (at >> 8), at & 0xff));
        return;
      }
      if (this.size < 0x3fff) this.seen.set(suffix, this.size);
      const l = new TextEncoder().encode(labels[i]);
      this.bytes(concat([Uint8Array.of(l.length), l]));
    }
    this.bytes(Uint8Array.of(0));
  }
  bytes(b: Uint8Array): void {
    this.parts.push(b);
    this.size += b.length;
  }
}

export function encodeDns(m: DnsMessage): Uint8Array {
  const head = new Uint8Array(12);
  putU16(head, 0, m.id);
  putU16(head, 2, m.flags);
  putU16(head, 4, m.questions.length);
  putU16(head, 6, m.answers.length);
  putU16(head, 8, m.authority.length);
  putU16(head, 10, m.additional.length);
  const w = new NameWriter();
  for (const q of m.questions) {
    w.name(q.name);
    const t = new Uint8Array(4);
    putU16(t, 0, q.type);
    putU16(t, 2, 1); // class IN
    w.bytes(t);
  }
  for (const r of [...m.answers, ...m.authority, ...m.additional]) {
    w.name(r.name);
    const fixed = new Uint8Array(10);
    putU16(fixed, 0, r.type);
    putU16(fixed, 2, 1);
    putU32(fixed, 4, r.ttl);
    w.bytes(fixed);
    const lenAt = w.parts.length - 1;
    const before = w.size;
    if (r.data instanceof Uint8Array) w.bytes(r.data);
    else w.name(r.data.name);
    putU16(w.parts[lenAt], 8, w.size - before);
  }
  return concat([head, ...w.parts]);
}
