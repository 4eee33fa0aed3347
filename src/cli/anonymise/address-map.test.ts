import { describe, expect, it } from 'vitest';
import { createAddressMap, ipv4Text, ipv6Text, macText } from './address-map.ts';

const ip4 = (t: string) => Uint8Array.from(t.split('.').map(Number));
const mac = (t: string) => Uint8Array.from(t.split(':').map((h) => parseInt(h, 16)));
const ip6 = (words: number[]) => Uint8Array.from(words.flatMap((w) => [w >> 8, w & 0xff]));

/** A hash that gives the same bytes for every text until told otherwise: forces collisions. */
function stubbornHash() {
  let n = 0;
  return (t: string) => Uint8Array.from({ length: 32 }, (_, i) => (t.includes('#') ? (n++ * 7 + i) & 0xff : 42));
}

describe('createAddressMap', () => {
  it('maps each /24 to one 10.x.y.0/24, keeping the host byte', () => {
    const map = createAddressMap(stubbornHash());
    const a = ipv4Text(map.ipv4(ip4('192.168.0.5')));
    const b = ipv4Text(map.ipv4(ip4('192.168.0.1')));
    const c = ipv4Text(map.ipv4(ip4('168.126.63.1')));
    expect(a).toMatch(/^10\.\d+\.\d+\.5$/);
    expect(b).toBe(a.replace(/5$/, '1'));
    expect(c).toMatch(/^10\.\d+\.\d+\.1$/);
    expect(c).not.toBe(b); // two prefixes never share one replacement, even when the hash collides
    expect(ipv4Text(map.ipv4(ip4('192.168.0.5')))).toBe(a);
  });

  it('keeps broadcast, multicast, loopback, link-local and unspecified addresses', () => {
    const map = createAddressMap(stubbornHash());
    for (const t of ['255.255.255.255', '0.0.0.0', '127.0.0.1', '224.0.0.251', '169.254.1.2']) expect(ipv4Text(map.ipv4(ip4(t)))).toBe(t);
    for (const t of ['ff:ff:ff:ff:ff:ff', '01:00:5e:00:00:fb', '33:33:00:00:00:01', '00:00:00:00:00:00']) expect(macText(map.mac(mac(t)))).toBe(t);
    expect(ipv6Text(map.ipv6(ip6([0xff02, 0, 0, 0, 0, 0, 0, 1])))).toBe('ff02:0:0:0:0:0:0:1');
    expect(ipv6Text(map.ipv6(ip6([0, 0, 0, 0, 0, 0, 0, 1])))).toBe('0:0:0:0:0:0:0:1');
    expect(map.toJson()).toEqual({ ipv4: {}, ipv6: {}, mac: {} });
  });

  it('gives MACs locally administered unicast replacements, and link-local IPv6 a new interface id', () => {
    const map = createAddressMap(stubbornHash());
    const m = macText(map.mac(mac('70:5d:cc:65:65:aa')));
    expect(m).toMatch(/^02:/);
    expect(macText(map.mac(mac('70:5d:cc:65:65:ab')))).not.toBe(m);
    const ll = ipv6Text(map.ipv6(ip6([0xfe80, 0, 0, 0, 0x725d, 0xccff, 0xfe65, 0x65aa])));
    expect(ll).toMatch(/^fe80:0:0:0:/);
    expect(ll).not.toBe('fe80:0:0:0:725d:ccff:fe65:65aa');
  });

  it('starts from an earlier map', () => {
    const first = createAddressMap(stubbornHash());
    const a = ipv4Text(first.ipv4(ip4('192.168.0.5')));
    const second = createAddressMap(() => new Uint8Array(32).fill(9), first.toJson());
    expect(ipv4Text(second.ipv4(ip4('192.168.0.5')))).toBe(a);
    expect(ipv4Text(second.ipv4(ip4('192.168.0.77')))).toBe(a.replace(/5$/, '77'));
  });
});
