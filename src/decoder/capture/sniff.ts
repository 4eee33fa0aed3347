// Which format a file is, from its first four bytes.

import type { CaptureFormat } from './capture-types.ts';

export function sniffFormat(bytes: Uint8Array): CaptureFormat {
  if (bytes.length < 4) return 'unknown';
  const be = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
  switch (be) {
    case 0xa1b2c3d4: // microseconds, big-endian
    case 0xd4c3b2a1: // microseconds, little-endian
    case 0xa1b23c4d: // nanoseconds, big-endian
    case 0x4d3cb2a1: // nanoseconds, little-endian
      return 'pcap';
    case 0x0a0d0d0a: // Section Header Block, the same in both byte orders
      return 'pcapng';
    default:
      return 'unknown';
  }
}
