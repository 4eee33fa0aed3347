// A few vendor prefixes, so addresses read as the details pane shows them
// ("CloudNet_46:85:d3"). Wireshark's full list is far larger; unknown prefixes
// print as plain colon hex, which is also what Wireshark does for them.

const VENDORS: Readonly<Record<string, string>> = {
  '000000': '00:00:00',
  '000102': '3Com',
  '485f99': 'CloudNet',
  '705dcc': 'EFMNetwo',
  '080027': 'PcsCompu',
  '525400': 'RealtekU',
  '001c42': 'Parallel',
  '000c29': 'VMware',
  '005056': 'VMware',
};

/** "EFMNetwo_65:65:aa", "Broadcast", or undefined when the prefix is unknown. */
export function macName(b: Uint8Array): string | undefined {
  if (b.length !== 6) return undefined;
  if (b.every((x) => x === 0xff)) return 'Broadcast';
  const h2 = (x: number) => x.toString(16).padStart(2, '0');
  if (b[0] === 0x33 && b[1] === 0x33) {
    return b[2] === 0 && b[3] === 0 && b[4] === 0 ? `IPv6mcast_${h2(b[5])}` : `IPv6mcast_${h2(b[2])}:${h2(b[3])}:${h2(b[4])}:${h2(b[5])}`;
  }
  const key = ((b[0] << 16) | (b[1] << 8) | b[2]).toString(16).padStart(6, '0');
  const v = VENDORS[key];
  if (!v) return undefined;
  const h = (x: number) => x.toString(16).padStart(2, '0');
  return `${v}_${h(b[3])}:${h(b[4])}:${h(b[5])}`;
}
