// The consistent address replacement of `capture anonymise`. The same input
// address always gives the same output, and the subnet structure survives in
// a simple way:
//   IPv4  each /24 prefix becomes a 10.x.y.0/24 chosen by a keyed hash; the
//         last byte is kept (so .1, .254 and .255 keep their roles).
//   IPv6  each /64 prefix becomes a unique local fdxx:xxxx:xxxx:xxxx::/64 (a
//         link-local fe80::/64 stays fe80::/64); an interface id above 0xffff
//         (often made from a MAC address) is replaced from the hash, a small
//         one (::1, ::2) is kept.
//   MAC   becomes a locally administered unicast 02:xx:xx:xx:xx:xx.
// Kept unchanged: IPv4 0.0.0.0, broadcast 255.255.255.255, loopback 127/8,
// link-local 169.254/16, multicast 224/4 and above; IPv6 ::, ::1 and
// multicast ff00::/8; MAC broadcast, multicast (I/G bit) and all-zero.
// Pure: the keyed hash is given (the command uses HMAC-SHA-256).

/** Keyed hash of a text: at least 8 bytes. */
export type KeyedHash = (text: string) => Uint8Array;

/** What the map holds, as written to and read from --map FILE. */
export interface AddressMapJson {
  ipv4: Record<string, string>;
  ipv6: Record<string, string>;
  mac: Record<string, string>;
}

export interface AddressMap {
  ipv4(a: Uint8Array): Uint8Array;
  ipv6(a: Uint8Array): Uint8Array;
  mac(a: Uint8Array): Uint8Array;
  /** Every address replaced so far (prefixes as "a.b.c.0/24" and "x:x:x:x::/64" too), in first-seen order. */
  toJson(): AddressMapJson;
}

const hex2 = (b: number) => b.toString(16).padStart(2, '0');
export const ipv4Text = (a: Uint8Array) => Array.from(a).join('.');
export const macText = (a: Uint8Array) => Array.from(a, hex2).join(':');
/** Full, uncompressed IPv6 text: the map's keys need one spelling per address. */
export const ipv6Text = (a: Uint8Array) => Array.from({ length: 8 }, (_, i) => ((a[2 * i]! << 8) | a[2 * i + 1]!).toString(16)).join(':');

function parseIpv4(t: string): Uint8Array {
  return Uint8Array.from(t.split('/')[0]!.split('.').map(Number));
}
function parseMac(t: string): Uint8Array {
  return Uint8Array.from(t.split(':').map((h) => parseInt(h, 16)));
}
function parseIpv6Full(t: string): Uint8Array {
  const out = new Uint8Array(16);
  const [head, tail = ''] = t.split('/')[0]!.split('::');
  const a = head ? head.split(':') : [];
  const b = t.includes('::') && tail ? tail.split(':') : [];
  const words = [...a, ...Array(8 - a.length - b.length).fill('0'), ...b];
  words.forEach((w, i) => {
    const v = parseInt(w, 16);
    out[2 * i] = v >> 8;
    out[2 * i + 1] = v & 0xff;
  });
  return out;
}

function keepIpv4(a: Uint8Array): boolean {
  const [x, y] = [a[0]!, a[1]!];
  const all = (v: number) => a.every((b) => b === v);
  return all(0) || all(255) || x === 127 || x >= 224 || (x === 169 && y === 254);
}
function keepIpv6(a: Uint8Array): boolean {
  const zeroHead = a.subarray(0, 15).every((b) => b === 0);
  return a[0] === 0xff || (zeroHead && (a[15] === 0 || a[15] === 1));
}
function keepMac(a: Uint8Array): boolean {
  return (a[0]! & 1) === 1 || a.every((b) => b === 0);
}

export function createAddressMap(hash: KeyedHash, earlier?: AddressMapJson): AddressMap {
  const json: AddressMapJson = { ipv4: { ...earlier?.ipv4 }, ipv6: { ...earlier?.ipv6 }, mac: { ...earlier?.mac } };
  // Outputs already given, so two inputs never share one output.
  const used = new Set<string>([...Object.values(json.ipv4), ...Object.values(json.ipv6), ...Object.values(json.mac)]);

  /** A fresh value from the hash: tries counter 0, 1, 2 ... until unused and unlike the input. */
  const fresh = (seed: string, input: string, make: (h: Uint8Array) => string): string => {
    for (let i = 0; ; i++) {
      const out = make(hash(i ? `${seed}#${i}` : seed));
      if (out !== input && !used.has(out)) {
        used.add(out);
        return out;
      }
    }
  };
  const remember = (table: Record<string, string>, key: string, make: () => string): string => {
    const hit = table[key];
    if (hit !== undefined) return hit;
    return (table[key] = make());
  };

  return {
    ipv4(a) {
      if (keepIpv4(a)) return a;
      const prefixKey = `${a[0]}.${a[1]}.${a[2]}.0/24`;
      const prefix = remember(json.ipv4, prefixKey, () => fresh(`ipv4 ${prefixKey}`, prefixKey, (h) => `10.${h[0]}.${h[1]}.0/24`));
      const out = parseIpv4(prefix);
      out[3] = a[3]!;
      return parseIpv4(remember(json.ipv4, ipv4Text(a), () => ipv4Text(out)));
    },
    ipv6(a) {
      if (keepIpv6(a)) return a;
      const linkLocal = a[0] === 0xfe && (a[1]! & 0xc0) === 0x80;
      const head = new Uint8Array(16);
      head.set(a.subarray(0, 8));
      const prefixKey = `${ipv6Text(head)}/64`;
      const prefix = linkLocal
        ? prefixKey
        : remember(json.ipv6, prefixKey, () =>
            fresh(`ipv6 ${prefixKey}`, prefixKey, (h) => {
              const p = new Uint8Array(16);
              p[0] = 0xfd;
              p.set(h.subarray(0, 7), 1);
              return `${ipv6Text(p)}/64`;
            }),
          );
      return parseIpv6Full(
        remember(json.ipv6, ipv6Text(a), () => {
          const out = parseIpv6Full(prefix);
          const iid = a.subarray(8, 16);
          const small = iid.subarray(0, 6).every((b) => b === 0);
          if (small) out.set(iid, 8);
          else {
            const text = fresh(`ipv6 iid ${ipv6Text(a)}`, ipv6Text(a), (h) => {
              const o = out.slice();
              o.set(h.subarray(0, 8), 8);
              o[8] = o[8]! & 0xfd; // universal/local bit clear: not taken from a MAC address
              return ipv6Text(o);
            });
            return text;
          }
          return ipv6Text(out);
        }),
      );
    },
    mac(a) {
      if (keepMac(a)) return a;
      const key = macText(a);
      return parseMac(remember(json.mac, key, () => fresh(`mac ${key}`, key, (h) => macText(Uint8Array.from([0x02, ...h.subarray(0, 5)])))));
    },
    toJson: () => ({ ipv4: { ...json.ipv4 }, ipv6: { ...json.ipv6 }, mac: { ...json.mac } }),
  };
}
