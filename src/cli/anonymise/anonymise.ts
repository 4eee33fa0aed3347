// A whole capture through the address map: every frame rewritten, written
// as pcapng with a section comment saying so. Pure: bytes in, bytes out.
import { frameData, readCapture, writePcapng } from '../../decoder/capture/index.ts';
import type { CaptureError } from '../../decoder/types.ts';
import type { AddressMap } from './address-map.ts';
import { rewriteFrame } from './rewrite.ts';
import { bindingKey } from '../../decoder/bindings.ts';

const LINKTYPE_ETHERNET = bindingKey('linktype', 'eth');

const ANONYMISED_COMMENT =
  'Anonymised by wirebook capture anonymise: IPv4, IPv6 and MAC addresses replaced consistently in the Ethernet, ARP, IPv4, IPv6 and ICMPv6 neighbour discovery headers; payloads, names and timestamps unchanged.';

export interface Anonymised {
  bytes: Uint8Array;
  frames: number;
  /** Frames in which some address was replaced. */
  changed: number;
  /** Frames whose link type is not Ethernet: copied unchanged. */
  notEthernet: number;
  /** The input's damage; when set, nothing should be written. */
  error?: CaptureError;
  notCapture?: boolean;
}

export function anonymiseCapture(input: Uint8Array, map: AddressMap): Anonymised {
  const index = readCapture(input);
  if (index.format === 'unknown') return { bytes: new Uint8Array(0), frames: 0, changed: 0, notEthernet: 0, notCapture: true };
  let changed = 0;
  let notEthernet = 0;
  const frames = index.frames.map((r) => {
    if (r.linkType !== LINKTYPE_ETHERNET) notEthernet++;
    const result = rewriteFrame(frameData(input, r), r.linkType, map);
    if (result.changed) changed++;
    // Packet comments are dropped: they may name hosts and addresses.
    return { linkType: r.linkType, timestamp: r.timestamp, data: result.data, origLen: r.origLen };
  });
  const out: Anonymised = {
    bytes: writePcapng(frames, { shbComment: ANONYMISED_COMMENT, userAppl: 'wirebook capture anonymise' }),
    frames: frames.length,
    changed,
    notEthernet,
  };
  if (index.error) out.error = index.error;
  return out;
}
