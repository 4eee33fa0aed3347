// A TextMate grammar for Wireshark display filters, so ```dfilter blocks in
// lessons read as well as code: fields, operators, values, and the logic
// between them each get their own colour.
import type { LanguageRegistration } from 'shiki';

export const displayFilter: LanguageRegistration = {
  name: 'dfilter',
  displayName: 'Display filter',
  aliases: ['display-filter', 'wireshark-filter'],
  scopeName: 'source.dfilter',
  patterns: [
    { include: '#comment' },
    { include: '#string' },
    { include: '#logic' },
    { include: '#comparison' },
    { include: '#address' },
    { include: '#number' },
    { include: '#field' },
    { include: '#slice' },
    { match: '[(){}]', name: 'punctuation.section.group.dfilter' },
  ],
  repository: {
    comment: { match: '#.*$', name: 'comment.line.number-sign.dfilter' },
    string: {
      begin: '"',
      end: '"',
      name: 'string.quoted.double.dfilter',
      patterns: [{ match: '\\\\.', name: 'constant.character.escape.dfilter' }],
    },
    logic: { match: '\\b(and|or|not|xor)\\b|&&|\\|\\||!(?!=)|\\^\\^', name: 'keyword.control.logical.dfilter' },
    comparison: {
      match: '==|!=|===|!==|<=|>=|<|>|~|\\b(eq|ne|gt|lt|ge|le|any_eq|all_ne|contains|matches|in|bitand)\\b',
      name: 'keyword.operator.comparison.dfilter',
    },
    // MAC (6 bytes), IPv6 and IPv4 addresses, with an optional /prefix.
    address: {
      match:
        '\\b(?:[0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}\\b|\\b(?:\\d{1,3}\\.){3}\\d{1,3}(?:/\\d{1,2})?\\b|(?<![\\w.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?:/\\d{1,3})?',
      name: 'constant.other.address.dfilter',
    },
    number: { match: '\\b(?:0x[0-9A-Fa-f]+|\\d+(?:\\.\\d+)?)\\b', name: 'constant.numeric.dfilter' },
    // tcp.analysis.retransmission, ip.addr, _ws.expert, or a bare protocol name.
    field: {
      match: '\\b[A-Za-z_][A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]+)*\\b',
      name: 'variable.other.field.dfilter',
    },
    slice: { match: '\\[[-0-9:,]+\\]', name: 'keyword.operator.slice.dfilter' },
  },
};
