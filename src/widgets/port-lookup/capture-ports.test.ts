import { describe, expect, it } from 'vitest';
import { sightingsOf, type FramePorts } from './capture-ports.ts';

const q = (srcPort: number, dstPort: number, src = '192.168.0.5', dst = '168.126.63.1'): FramePorts => ({ protocol: 'udp', src, dst, srcPort, dstPort });

describe('sightingsOf', () => {
  it('names the first sender of each conversation the client, once per port', () => {
    const frames = [q(54744, 53), q(53, 54744, '168.126.63.1', '192.168.0.5'), q(61385, 53), q(53, 61385, '168.126.63.1', '192.168.0.5')];
    expect(sightingsOf('report-dns', frames)).toEqual([
      { port: 54744, capture: 'report-dns', role: 'client', protocol: 'udp' },
      { port: 53, capture: 'report-dns', role: 'server', protocol: 'udp' },
      { port: 61385, capture: 'report-dns', role: 'client', protocol: 'udp' },
    ]);
  });

  it('takes the sender of a SYN, ACK for the server when the SYN is missing', () => {
    const synAck: FramePorts = { protocol: 'tcp', src: '104.76.64.220', dst: '192.168.0.31', srcPort: 80, dstPort: 56986, syn: true, ack: true };
    expect(sightingsOf('x', [synAck]).map((s) => `${s.role} ${s.port}`)).toEqual(['client 56986', 'server 80']);
  });

  it('keeps TCP and UDP apart', () => {
    const tcp: FramePorts = { ...q(40000, 53), protocol: 'tcp', syn: true, ack: false };
    expect(sightingsOf('x', [q(40000, 53), tcp]).map((s) => s.protocol)).toEqual(['udp', 'udp', 'tcp', 'tcp']);
  });
});
