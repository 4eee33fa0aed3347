import { describe, expect, it } from 'vitest';
import { udpService } from './udp-service.ts';

// Debian's /etc/services: "domain 53/udp", "ntp 123/udp", "syslog 514/udp"; 45999 has no entry.
describe('udpService', () => {
  it('names the destination port’s service, else the source port’s', () => {
    expect(udpService(38339, 53)).toEqual({ port: 53, name: 'domain' });
    expect(udpService(53, 38339)).toEqual({ port: 53, name: 'domain' });
    expect(udpService(123, 514)).toEqual({ port: 514, name: 'syslog' });
  });

  it('names none for ports the table lacks', () => {
    expect(udpService(34638, 45999)).toBeUndefined();
  });
});
