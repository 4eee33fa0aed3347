import { describe, expect, it } from 'vitest';
import { sentenceLines } from './sentence-text.ts';

describe('sentenceLines', () => {
  it('names the service a UDP port is registered for (Debian’s /etc/services: discard 9/udp)', () => {
    const [line] = sentenceLines([{ key: 'udp', params: { srcPort: 7, dstPort: 9, length: 8, protocol: '' } }]);
    expect(line).toContain('Port 9 is registered for “discard”');
    const [none] = sentenceLines([{ key: 'udp', params: { srcPort: 34638, dstPort: 45999, length: 12, protocol: '' } }]);
    expect(none).not.toContain('registered');
  });

  it('says what a DNS response code means (RFC 1035 4.1.1: 3 is a name error)', () => {
    const [line] = sentenceLines([
      { key: 'dns_response', params: { id: '0x1', name: 'a.example', type: 'A', otherFrame: 1, queryFrame: 1, rcode: 3, answers: 0 } },
    ]);
    expect(line).toMatch(/Response code 3, NXDOMAIN: no such name exists/);
  });
});
