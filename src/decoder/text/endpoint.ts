// An address and port as one piece of text. An IPv6 address goes in brackets
// (RFC 5952, section 6): "fd77::1:38806" would read as an address of its own.

export function endpointText(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}
