// Display filters over whole captures, against tshark's own -Y (two passes,
// as the explorer analyses before it filters). Runs when tshark is installed
// (it is in CI: scripts/ensure-test-tools.sh).
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { openCapture } from '../open-capture.ts';
import { compileFilter } from './index.ts';
import { createFrameMatcher, filterNames } from './frame-matcher.ts';

const TSHARK = '/usr/bin/tshark';

const CASES: Record<string, string[]> = {
  'captures/recorded/tcp-loss.pcapng': [
    'tcp',
    'tcp.analysis.retransmission',
    'tcp.analysis.duplicate_ack or tcp.analysis.fast_retransmission',
    'not tcp.analysis.retransmission and tcp.len > 0',
    'tcp.flags.syn == 1 || tcp.flags.fin == 1',
    'ip.addr == 10.77.2.2 and tcp.len >= 1448',
    'ip.src == 10.77.1.0/24 && !(tcp.len == 0)',
    'tcp.port in {5002, 22}',
    'tcp.window_size < 30000',
    'frame.len <= 66',
    'tcp.ack != 1',
    'tcp.payload contains "Wirebook"',
    'eth.addr == 02:77:00:00:00:01',
    'tcp.connection.syn or tcp.connection.fin_active',
    '_ws.expert.message contains "Duplicate ACK (#3)"',
  ],
  'captures/recorded/tcp-http.pcapng': [
    'http',
    'http.request.method == "GET"',
    'http.response.code == 200',
    'tcp.reassembled_in',
    'http.content_length > 100',
    'tcp.stream == 0 and tcp.flags.push == 1',
  ],
  'captures/recorded/udp-dns.pcapng': [
    'dns',
    'dns.response_in',
    'dns.time > 0.001',
    'udp.port == 53',
    'dns.flags.response == 1',
    'dns.qry.name contains "example"',
    'dns.a',
    'udp.length > 60',
  ],
  'captures/recorded/arp.pcapng': ['arp', 'arp.opcode == 2', 'eth.dst == ff:ff:ff:ff:ff:ff', 'icmp', 'icmp.resp_to'],
  'captures/recorded/tcp-ipv6.pcapng': ['ipv6', 'ipv6.addr == fd77::2', 'ip', 'tcp.srcport > 1024'],
  'captures/recorded/tcp-zerowindow.pcapng': [
    'tcp.analysis.zero_window',
    'tcp.analysis.window_full',
    'tcp.analysis.zero_window_probe or tcp.analysis.window_update',
  ],
};

const opened = new Map<string, ReturnType<typeof openCapture>>();

function ours(path: string, text: string): number[] {
  let capture = opened.get(path);
  if (!capture) opened.set(path, (capture = openCapture(new Uint8Array(readFileSync(path)))));
  const compiled = compileFilter(text, filterNames);
  if (!compiled.ok) throw new Error(`${text}: ${compiled.message}`);
  const match = createFrameMatcher(compiled.filter);
  const session = capture.walkSession();
  return capture.frames.filter((r) => match(r, capture.data(r.number), session)).map((r) => r.number);
}

function theirs(path: string, text: string): number[] {
  const out = execFileSync(TSHARK, ['-r', path, '-2', '-Y', text, '-T', 'fields', '-e', 'frame.number'], { encoding: 'utf8' });
  return out.split('\n').filter(Boolean).map(Number);
}

describe.skipIf(!existsSync(TSHARK))('display filters agree with tshark -Y', () => {
  for (const [path, filters] of Object.entries(CASES)) {
    it(path, () => {
      for (const text of filters) {
        const want = theirs(path, text);
        expect(ours(path, text), text).toEqual(want);
      }
    });
  }

  it('matches something in every capture, so the comparison is not vacuous', () => {
    for (const [path, filters] of Object.entries(CASES)) expect(ours(path, filters[0]).length, path).toBeGreaterThan(0);
  });
});

describe('filter names', () => {
  it('knows protocols, fields and the analysis fields', () => {
    for (const name of ['tcp', 'ip.addr', 'tcp.port', 'dns.qry.name', 'tcp.analysis.retransmission', 'tcp.stream'])
      expect(filterNames.isField(name), name).toBe(true);
    expect(filterNames.isField('tcp.prot')).toBe(false);
  });
});
