import { describe, expect, it } from 'vitest';
import { LINKTYPE, linkTypeName } from './linktypes.ts';

describe('link types', () => {
  it('has the tcpdump.org numbers', () => {
    expect(LINKTYPE).toMatchObject({
      NULL: 0,
      ETHERNET: 1,
      PPP: 9,
      RAW: 101,
      LOOP: 108,
      LINUX_SLL: 113,
      IEEE802_11_RADIOTAP: 127,
      IPV4: 228,
      IPV6: 229,
      LINUX_SLL2: 276,
    });
  });

  it('names known types for display and still lists unknown ones', () => {
    expect(linkTypeName(LINKTYPE.IEEE802_11_RADIOTAP)).toBe('802.11 radiotap');
    expect(linkTypeName(LINKTYPE.ETHERNET)).toBe('Ethernet');
    expect(linkTypeName(LINKTYPE.LINUX_SLL2)).toBe('Linux cooked-mode capture v2');
    expect(linkTypeName(65000)).toBe('link type 65000');
  });
});
