// The service a UDP datagram's ports are registered for, from the course's
// services table (content/ports, Debian's /etc/services): the destination
// port first, then the source (a reply comes from the server's port).
import services from '../../../content/ports/services.json' with { type: 'json' };

const UDP = new Map<number, string>(services.services.filter((s) => s.protocol === 'udp').map((s) => [s.port, s.name]));

export function udpService(srcPort: number, dstPort: number): { port: number; name: string } | undefined {
  for (const port of [dstPort, srcPort]) {
    const name = UDP.get(port);
    if (name) return { port, name };
  }
  return undefined;
}
