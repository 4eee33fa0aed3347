// Writes the hostile captures of hostile.ts (run: node src/decoder/layers/testdata/make-hostile.mjs),
// then test/golden/regen.sh stores tshark's view of them.

import { writeFileSync } from 'node:fs';
import { writePcap } from '../../capture/write-pcap.ts';
import {
  asFrames,
  dnsChainResponse,
  dnsLimitMessages,
  ipv6OptionChain,
  nestedIcmpErrors,
  nestedIcmpv6Errors,
  totalLengthZeroFrames,
  udpFrame,
  vlanStack,
} from './hostile.ts';

const here = new URL('.', import.meta.url).pathname;
const dns = [...dnsLimitMessages().map((m, i) => udpFrame(m, 40000 + i, 53, i + 1)), udpFrame(dnsChainResponse(4000, 3000), 53, 40100, 100)];
writeFileSync(`${here}hostile-dns.pcap`, writePcap(asFrames(dns)));
const inner = udpFrame(Uint8Array.of(1, 2, 3, 4), 1000, 2000);
writeFileSync(`${here}hostile-vlan.pcap`, writePcap(asFrames([2000, 21, 20, 3].map((n) => vlanStack(inner, n)))));
writeFileSync(`${here}ipv4-total-length-0.pcap`, writePcap(asFrames(totalLengthZeroFrames())));
const nesting = [nestedIcmpErrors(3), nestedIcmpErrors(2000), nestedIcmpv6Errors(2), nestedIcmpv6Errors(600), ipv6OptionChain(3), ipv6OptionChain(6000)];
writeFileSync(`${here}hostile-nesting.pcap`, writePcap(asFrames(nesting)));
