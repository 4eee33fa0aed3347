// `wirebook capture anonymise IN -o OUT [--map FILE]`: replaces the addresses
// of a capture consistently (src/cli/anonymise/ does the work; this file reads
// and writes the files and prints the address map).
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Parsed } from '../args.ts';
import type { Io } from '../command.ts';
import { EXIT_DAMAGED, EXIT_OK, EXIT_USAGE } from '../command.ts';
import { createAddressMap, type AddressMapJson, type KeyedHash } from '../anonymise/address-map.ts';
import { anonymiseCapture } from '../anonymise/anonymise.ts';

export const ANONYMISE_HELP = `usage: wirebook capture anonymise IN -o OUT.pcapng [--map MAP.json]

Replace the IPv4, IPv6 and MAC addresses of a capture, consistently (the
same address always becomes the same replacement), in the Ethernet (and
802.1Q), ARP, IPv4 and IPv6 headers, the target address and link-layer
address options of ICMPv6 neighbour discovery, and the IP header quoted in
ICMP errors. The subnet structure is kept simply:
  IPv4  each /24 becomes a 10.x.y.0/24 picked by a keyed hash; the last
        byte stays (10.77.0.1 and 10.77.0.2 stay neighbours, .255 stays .255)
  IPv6  each /64 becomes a unique local fdxx:xxxx:xxxx:xxxx::/64 (fe80::/64
        stays); interface ids above 0xffff are replaced, ::1 or ::2 kept
  MAC   becomes a locally administered 02:xx:xx:xx:xx:xx
Broadcast, multicast, loopback, link-local IPv4 and unspecified addresses
are kept. IPv4 header, TCP, UDP, ICMP and ICMPv6 checksums are updated: a
right checksum stays right, a wrong one stays wrong. Timestamps, lengths and
payloads are kept. The output is pcapng with a section comment saying it was
anonymised; packet comments and interface names are dropped.

NOT rewritten: payload bytes, so DNS names and answers, HTTP headers (Host,
cookies), DHCP options, TLS server names and any address inside application
data stay as they were; IPv4 options and IPv6 routing headers; frames that
are not Ethernet. Check the output before publishing it.

Options:
  -o, --output FILE   the pcapng file to write (required)
  --map FILE          the address map as JSON: read first when it exists (so
                      several captures get the same replacements), then
                      written with every address of this capture added. It
                      holds the real addresses and the key: keep it private.
  -h, --help          this help

Exit status: 0 written, 1 damaged capture (nothing written), 2 usage error,
unreadable file or not a capture.
`;

interface MapFile extends AddressMapJson {
  /** HMAC key, hex: the same key picks the same new prefixes. */
  key: string;
}

export function runAnonymise(args: Parsed, io: Io): number {
  const [, input, ...extra] = args.positionals;
  const fail = (message: string, code = EXIT_USAGE) => {
    io.err(`wirebook capture anonymise: ${message}`);
    return code;
  };
  if (!input || extra.length)
    return fail(input ? `one capture, please (got ${1 + extra.length})` : 'no capture given: wirebook capture anonymise IN -o OUT.pcapng');
  const output = args.options.output;
  if (typeof output !== 'string') return fail('no output file: name it with -o OUT.pcapng');
  if (resolve(output) === resolve(input)) return fail('the output would overwrite the input: name another file');
  const mapPath = typeof args.options.map === 'string' ? args.options.map : undefined;

  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(input));
  } catch (e) {
    return fail(`${input}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  let earlier: MapFile | undefined;
  if (mapPath && existsSync(mapPath)) {
    try {
      earlier = JSON.parse(readFileSync(mapPath, 'utf8')) as MapFile;
      if (typeof earlier.key !== 'string' || !/^[0-9a-f]+$/.test(earlier.key)) throw new Error('it has no "key"');
    } catch (e) {
      return fail(`${mapPath}: not an address map written by this command (${(e as Error).message})`);
    }
  }
  const key = earlier ? Buffer.from(earlier.key, 'hex') : randomBytes(32);
  const hash: KeyedHash = (text) => new Uint8Array(createHmac('sha256', key).update(text).digest());
  const map = createAddressMap(hash, earlier);
  const result = anonymiseCapture(bytes, map);
  if (result.notCapture) return fail(`${input} is not a pcap or pcapng capture`);
  if (result.error) return fail(`${input} is damaged at byte ${result.error.offset}: ${result.error.message} (nothing written)`, EXIT_DAMAGED);
  try {
    writeFileSync(output, result.bytes);
    if (mapPath) writeFileSync(mapPath, JSON.stringify({ key: key.toString('hex'), ...map.toJson() }, null, 2) + '\n');
  } catch (e) {
    return fail((e as Error).message);
  }
  const json = map.toJson();
  io.out.write(`${output}: ${result.frames} frames, ${result.changed} with addresses replaced\n`);
  for (const kind of ['mac', 'ipv4', 'ipv6'] as const) {
    const entries = Object.entries(json[kind]);
    if (entries.length === 0) continue;
    const width = Math.max(...entries.map(([from]) => from.length));
    io.out.write(`${kind}:\n`);
    for (const [from, to] of entries) io.out.write(`  ${from.padEnd(width)}  ->  ${to}\n`);
  }
  if (result.notEthernet) io.err(`warning: ${result.notEthernet} frames are not Ethernet and were copied unchanged`);
  io.err('warning: payloads are not rewritten: check DNS names, HTTP headers and other application data before publishing');
  return EXIT_OK;
}
