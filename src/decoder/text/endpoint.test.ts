import { describe, expect, it } from 'vitest';
import { endpointText } from './endpoint.ts';

describe('endpointText', () => {
  it('writes IPv4 as address:port and IPv6 in brackets, as RFC 5952 section 6 recommends', () => {
    expect(endpointText('192.168.0.5', 53304)).toBe('192.168.0.5:53304');
    expect(endpointText('fd77::1', 38806)).toBe('[fd77::1]:38806');
    expect(endpointText('::', 0)).toBe('[::]:0');
  });
});
