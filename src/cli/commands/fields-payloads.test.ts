// `wirebook fields` lets the analysis read no payload bytes (no heuristic
// binding a conversation, no reassembly) when no field asked can depend on
// one. That must print exactly what reading them prints, on every capture in
// the repository, in one pass and in two; the goldens hold the latter to tshark.

import { describe, expect, it } from 'vitest';
import { ANALYSIS_NAMES, TCP_ANALYSED } from '../../decoder/analysis/field-specs.ts';
import { isPayloadField } from '../../decoder/dissect.ts';
import { repositoryCaptures } from '../../../test/support/repository-captures.ts';
import { needsPayloads } from '../session.ts';
import { runFields } from './fields.ts';

const CAPTURES = repositoryCaptures();

/** Every analysis field no payload decides, with the headers and the payload's own bytes and length. */
const LIST = [
  'frame.number',
  'ip.src',
  'ipv6.src',
  'tcp.srcport',
  'tcp.len',
  'tcp.flags',
  'tcp.payload',
  'ip.reassembled_in',
  'udp.length',
  ...new Set([...ANALYSIS_NAMES, ...TCP_ANALYSED.map((s) => s.name)].filter((n) => !needsPayloads(n, isPayloadField))),
];

function print(bytes: Uint8Array, twoPass: boolean, readPayloads?: boolean): string {
  let out = '';
  const r = runFields(bytes, LIST, (t) => (out += t), { twoPass, readPayloads });
  return out + (r.error ? `\nerror: ${r.error.message}` : '');
}

describe('fields without payloads', () => {
  it('counts as depending on payloads what a heuristic or a reassembly can change', () => {
    for (const name of [
      'tcp.reassembled_in',
      'tcp.segment',
      'tcp.segment_data',
      '_ws.col.Info',
      '_ws.col.Protocol',
      'frame.protocols',
      'http.request.method',
      'data.len',
      'dns.qry.name',
    ])
      expect(needsPayloads(name, isPayloadField), name).toBe(true);
    for (const name of ['tcp.seq', 'tcp.stream', 'tcp.analysis.retransmission', 'tcp.analysis.bytes_in_flight', 'tcp.window_size', 'tcp.payload', 'ip.src'])
      expect(needsPayloads(name, isPayloadField), name).toBe(false);
    expect(LIST.length).toBeGreaterThan(40);
  });

  for (const { path, bytes } of CAPTURES) {
    it(`prints what reading payloads prints: ${path}`, () => {
      expect(print(bytes, true)).toBe(print(bytes, true, true));
      expect(print(bytes, false)).toBe(print(bytes, false, true));
    });
  }
});
