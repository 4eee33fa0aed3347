// The committed captures in captures/rebuilt/ are exactly what their specs
// build, their sidecars say so and point at real fields, and the report's
// frame 1 reads as the report shows it.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalysisSessions } from '../analysis/session-adapter.ts';
import { readCapture, frameData } from '../capture/index.ts';
import { dissectFrame, findField } from '../dissect.ts';
import { buildCapture, formatProblem } from './build.ts';
import { readYaml } from '../../lib/yaml/yaml-data.ts';

const DIR = join(import.meta.dirname, '..', '..', '..', 'captures', 'rebuilt');
const NAMES = readdirSync(DIR)
  .filter((f) => f.endsWith('.spec.yaml'))
  .map((f) => f.replace('.spec.yaml', ''))
  .sort();

/** Every frame of a capture dissected with the two-pass analysis, as tshark -2. */
function dissectAll(bytes: Uint8Array) {
  const cap = readCapture(bytes);
  const sessions = createAnalysisSessions();
  for (const r of cap.frames) dissectFrame(r, frameData(bytes, r), { session: sessions.firstPass });
  const { secondPass } = sessions.finish();
  return cap.frames.map((r) => ({ record: r, frame: dissectFrame(r, frameData(bytes, r), { session: secondPass }) }));
}

/** What this test reads of a sidecar. */
interface Sidecar {
  file: string;
  source: { kind: string };
  licence: string;
  annotations: { frame: number; field?: string }[];
}

const shown = (tree: Parameters<typeof findField>[0], name: string) => findField(tree, name)?.show;

describe('captures/rebuilt', () => {
  it('has the five captures of the source report', () => {
    expect(NAMES).toEqual(['report-arp', 'report-dns', 'report-fin-rst', 'report-spurious', 'report-tcp-handshake']);
  });

  it.each(NAMES)('%s.pcapng is byte-identical to what its spec builds', (name) => {
    const r = buildCapture(readFileSync(join(DIR, `${name}.spec.yaml`), 'utf8'), `${name}.spec.yaml`);
    if (r.problem) throw new Error(formatProblem(r.problem));
    const committed = new Uint8Array(readFileSync(join(DIR, `${name}.pcapng`)));
    expect(r.bytes!.length).toBe(committed.length);
    expect(Buffer.compare(Buffer.from(r.bytes!), Buffer.from(committed))).toBe(0);
  });

  it.each(NAMES)('%s.yaml is a valid sidecar whose annotations name fields its frames have', (name) => {
    // The site's schema checks every sidecar (test/unit/capture-sidecars.test.ts); this one what a rebuilt capture's must say.
    const data = readYaml(readFileSync(join(DIR, `${name}.yaml`), 'utf8'), `${name}.yaml`) as Sidecar;
    expect(data.file).toBe(`${name}.pcapng`);
    expect(data.source.kind).toBe('rebuilt');
    expect(data.licence).toBe('CC BY-SA 4.0');
    const frames = dissectAll(new Uint8Array(readFileSync(join(DIR, data.file))));
    for (const a of data.annotations) {
      expect(a.frame, `${name}: annotation frame ${a.frame}`).toBeLessThanOrEqual(frames.length);
      if (a.field) expect(findField(frames[a.frame - 1].frame.tree, a.field), `${name} frame ${a.frame}: ${a.field}`).toBeDefined();
    }
  });

  it('keeps the report frame numbers in every packet comment', () => {
    for (const name of NAMES) {
      const cap = readCapture(new Uint8Array(readFileSync(join(DIR, `${name}.pcapng`))));
      for (const r of cap.frames) expect(r.comments[0], `${name} frame ${r.number}`).toMatch(/^Report frame \d+ at [\d.]+ s\./);
    }
  });
});

describe("the report's frame 1 (DNS query, rebuilt from its hex dump)", () => {
  const bytes = new Uint8Array(readFileSync(join(DIR, 'report-dns.pcapng')));
  const cap = readCapture(bytes);
  const tree = dissectFrame(cap.frames[0], frameData(bytes, cap.frames[0])).tree;

  it('decodes to the values the report shows', () => {
    expect(shown(tree, 'frame.len')).toBe('76');
    expect(shown(tree, 'eth.src')).toBe('48:5f:99:46:85:d3');
    expect(shown(tree, 'eth.dst')).toBe('70:5d:cc:65:65:aa');
    expect(shown(tree, 'ip.src')).toBe('192.168.0.5');
    expect(shown(tree, 'ip.dst')).toBe('168.126.63.1');
    expect(shown(tree, 'udp.srcport')).toBe('54744');
    expect(shown(tree, 'udp.dstport')).toBe('53');
    expect(shown(tree, 'udp.length')).toBe('42');
    expect(shown(tree, 'dns.id')).toBe('0x562d');
    expect(shown(tree, 'dns.qry.name')).toBe('st.afreecatv.com');
  });

  it('has both checksums good: IPv4 header 0xd77c and UDP 0xd29b', () => {
    expect(shown(tree, 'ip.checksum')).toBe('0xd77c');
    expect(findField(tree, 'ip.checksum.status')!.value).toBe(1);
    expect(shown(tree, 'udp.checksum')).toBe('0xd29b');
    expect(findField(tree, 'udp.checksum.status')!.value).toBe(1);
  });

  it('would not verify with the OCR error left in (0d at offset 0x46)', () => {
    const broken = frameData(bytes, cap.frames[0]).slice();
    expect(broken[0x46]).toBe(0x6d);
    broken[0x46] = 0x0d;
    const t = dissectFrame(cap.frames[0], broken).tree;
    expect(findField(t, 'udp.checksum.status')!.value).toBe(0);
  });
});

describe('what the analysis says about the rebuilt TCP captures', () => {
  const infos = (name: string) => dissectAll(new Uint8Array(readFileSync(join(DIR, `${name}.pcapng`)))).map((f) => f.frame.columns.info);

  it('report-spurious: frame 5 is a spurious retransmission, frame 6 a duplicate ACK with a D-SACK', () => {
    const frames = dissectAll(new Uint8Array(readFileSync(join(DIR, 'report-spurious.pcapng'))));
    // tshark's Info column reads "[TCP Spurious Retransmission] 443 → 61729 [PSH, ACK] ..."
    // (it does not hand retransmitted data to TLS); here only the analysis flag is checked.
    expect(findField(frames[4].frame.tree, 'tcp.analysis.spurious_retransmission')).toBeDefined();
    expect(frames[5].frame.columns.info).toMatch(/^\[TCP Dup ACK 3#1\]/);
    expect(findField(frames[5].frame.tree, 'tcp.options.sack.dsack')).toBeDefined();
  });

  it('report-fin-rst: the five FIN repeats are retransmissions, the last frame a RST', () => {
    const info = infos('report-fin-rst');
    expect(info.slice(4, 9).every((i) => i.startsWith('[TCP Retransmission]'))).toBe(true);
    expect(info[3]).not.toContain('Retransmission');
    expect(info[9]).toContain('[RST, ACK]');
  });

  it("report-tcp-handshake: the SYN checksum is good and the SYN-ACK keeps the report's bad 0xadde", () => {
    const frames = dissectAll(new Uint8Array(readFileSync(join(DIR, 'report-tcp-handshake.pcapng'))));
    expect(frames.length).toBe(15);
    expect(shown(frames[0].frame.tree, 'tcp.checksum')).toBe('0x3345');
    expect(findField(frames[0].frame.tree, 'tcp.checksum.status')!.value).toBe(1);
    expect(shown(frames[1].frame.tree, 'tcp.checksum')).toBe('0xadde');
    expect(findField(frames[1].frame.tree, 'tcp.checksum.status')!.value).toBe(0);
    expect(shown(frames[2].frame.tree, 'tcp.checksum')).toBe('0xfe2f');
    expect(findField(frames[2].frame.tree, 'tcp.checksum.status')!.value).toBe(1);
    expect(shown(frames[11].frame.tree, 'tcp.window_size')).toBe('30336');
  });
});
