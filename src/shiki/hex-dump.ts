// A TextMate grammar for hex dumps as tshark -x and text2pcap write them:
// offset, up to sixteen bytes in hex, then the same bytes as ASCII.
import type { LanguageRegistration } from 'shiki';

export const hexDump: LanguageRegistration = {
  name: 'hexdump',
  displayName: 'Hex dump',
  aliases: ['hex'],
  scopeName: 'source.hexdump',
  repository: {},
  patterns: [
    {
      match: '^(\\s*[0-9A-Fa-f]{4,8})((?:\\s{1,3}[0-9A-Fa-f]{2}){1,16})(?:(\\s{2,})(.*))?$',
      captures: {
        1: { name: 'comment.offset.hexdump' },
        2: { name: 'constant.numeric.hex.hexdump' },
        4: { name: 'string.unquoted.ascii.hexdump' },
      },
    },
    { match: '^\\s*#.*$', name: 'comment.line.hexdump' },
  ],
};
