// The services table the lookup ships is data from Debian's /etc/services:
// the parser reads that format, and the committed JSON is what it gives.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerOf, parseServices } from '../../../scripts/ports/parse-services.ts';

const committed = JSON.parse(readFileSync(join(import.meta.dirname, '../../../content/ports/services.json'), 'utf8'));

describe('parseServices', () => {
  it('reads names, ports, protocols, aliases and comments', () => {
    const text = [
      '# Network services, Internet style',
      '#',
      '# Updated from IANA.',
      '',
      'tcpmux\t\t1/tcp\t\t\t\t# TCP port service multiplexer',
      'discard\t\t9/udp\t\tsink null',
      'http\t\t80/tcp\t\twww\t\t# WorldWideWeb HTTP',
      'kerberos\t88/tcp\t\tkerberos5 krb5 kerberos-sec\t# Kerberos v5',
      '  # an indented comment',
      '#====',
      '# The remaining port numbers are not as allocated by IANA.',
      'spamd\t\t783/tcp\t\t\t# spamassassin daemon',
    ].join('\n');
    expect(parseServices(text)).toEqual({
      entries: [
        { port: 1, protocol: 'tcp', name: 'tcpmux', aliases: [], comment: 'TCP port service multiplexer' },
        { port: 9, protocol: 'udp', name: 'discard', aliases: ['sink', 'null'] },
        { port: 80, protocol: 'tcp', name: 'http', aliases: ['www'], comment: 'WorldWideWeb HTTP' },
        { port: 88, protocol: 'tcp', name: 'kerberos', aliases: ['kerberos5', 'krb5', 'kerberos-sec'], comment: 'Kerberos v5' },
        { port: 783, protocol: 'tcp', name: 'spamd', aliases: [], comment: 'spamassassin daemon', unofficial: true },
      ],
      skipped: [],
    });
    expect(headerOf(text)).toEqual(['Network services, Internet style', 'Updated from IANA.']);
  });

  it('lists malformed lines instead of throwing', () => {
    const { entries, skipped } = parseServices('good 7/tcp\nbad\nworse 70000/tcp\nno-proto 25\r\nok 25/udp\r\n');
    expect(entries.map((e) => e.name)).toEqual(['good', 'ok']);
    expect(skipped).toEqual(['line 2: bad', 'line 3: worse 70000/tcp', 'line 4: no-proto 25']);
  });
});

describe('content/ports/services.json', () => {
  it('says where it came from and how to regenerate it', () => {
    expect(committed.about).toContain('/etc/services');
    expect(committed.about).toContain('node scripts/ports/build-services.ts');
    expect(committed.count).toBe(committed.services.length);
  });

  it('holds the well-known services the lesson names', () => {
    const has = (port: number, protocol: string, name: string) =>
      committed.services.some((s: { port: number; protocol: string; name: string }) => s.port === port && s.protocol === protocol && s.name === name);
    expect(has(53, 'udp', 'domain')).toBe(true);
    expect(has(80, 'tcp', 'http')).toBe(true);
    expect(has(443, 'tcp', 'https')).toBe(true);
    expect(has(22, 'tcp', 'ssh')).toBe(true);
  });

  it.runIf(existsSync('/etc/services'))('matches this machine’s /etc/services', () => {
    expect(committed.services).toEqual(parseServices(readFileSync('/etc/services', 'utf8')).entries);
  });
});
