// `wirebook lesson new` into a temporary repository: the lesson it writes
// passes `wirebook lesson check` as written, for a capture with TCP and one
// without; damaged files and existing names are refused with nothing written.
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-run.ts';
import { frameData, readCapture, writePcap } from '../../decoder/capture/index.ts';
import { readYaml } from '../../lib/yaml/yaml-data.ts';
import { diskWorld } from '../lesson-check/disk-world.ts';
import type { CaptureView } from '../lesson-check/world.ts';
import { testTempDir } from '../../../test/support/temp-dir.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const HTTP = join(ROOT, 'captures/recorded/tcp-http.pcapng');
const ARP = join(ROOT, 'captures/recorded/arp.pcapng');
const IPV6 = join(ROOT, 'captures/recorded/tcp-ipv6.pcapng');

const run = runCli;

/** A repository with the glossary and one existing lesson, 07-old.mdx. */
function tempRoot(): string {
  const root = testTempDir('wirebook-new-');
  mkdirSync(join(root, 'lessons'));
  mkdirSync(join(root, 'captures/recorded'), { recursive: true });
  cpSync(join(ROOT, 'content/glossary'), join(root, 'content/glossary'), { recursive: true });
  writeFileSync(join(root, 'lessons/07-old.mdx'), '---\ntitle: Old\nsummary: An older lesson.\norder: 7\nobjectives: [Be there.]\n---\n\nText.\n');
  return root;
}

// biome-ignore lint/suspicious/noExplicitAny: the test reads a nested sidecar freely
const sidecar = (path: string) => readYaml(readFileSync(path, 'utf8'), path) as Record<string, any>;
const files = (root: string) => readdirSync(root, { recursive: true }).map(String).sort();

describe('wirebook lesson new', () => {
  it('writes a capture, its sidecar and a lesson on tcp-http that lesson check passes', () => {
    const root = tempRoot();
    const r = run('lesson', 'new', 'web-page', '--capture', HTTP, '--title', 'Fetching a web page', '--root', root);
    expect(r.code).toBe(0);
    expect(readFileSync(join(root, 'captures/contributed/web-page.pcapng'))).toEqual(readFileSync(HTTP));
    const side = sidecar(join(root, 'captures/contributed/web-page.yaml'));
    expect(side).toMatchObject({
      title: 'Fetching a web page',
      file: 'web-page.pcapng',
      source: { kind: 'contributed' },
      hosts: { A: { address: '10.77.0.1' }, B: { address: '10.77.0.2' } },
    });
    expect(side.licence).toMatch(/^UNSET/);
    expect(side.notes).toBe(
      'The decoder found 16 frames; protocols Ethernet, IPv4, TCP, HTTP; 1 TCP conversation; the main one is 10.77.0.1:36450 to 10.77.0.2:80 (stream 0, 16 frames); 0 UDP conversations.',
    );

    const lesson = readFileSync(join(root, 'lessons/08-web-page.mdx'), 'utf8');
    expect(lesson).toContain('order: 8\n');
    expect(lesson).toContain('captures: [web-page]');
    expect(lesson).toContain('<SequenceDiagram capture="web-page" stream={0} />');
    expect(lesson).toContain("answer={{ frame: 2, field: 'tcp.ack' }}");
    expect(lesson).toContain('<Predict id="predict-next-segment" capture="web-page" frame={3}');
    expect(lesson).toContain('<FrameLink capture="web-page" frame={1} field="tcp.flags">');
    expect(lesson).toMatch(/<Option correct>HTTP<\/Option>[\s\S]*<Option explain="No frame of this capture carries UDP.">UDP<\/Option>/);

    const check = run('lesson', 'check', join(root, 'lessons/08-web-page.mdx'), '--root', root);
    expect(check.out).toBe('');
    expect(check.code).toBe(0);
  });

  it('converts a pcap to pcapng and asks ARP questions by field name when there is no TCP', () => {
    const root = tempRoot();
    // A pcap of tcp-http, written by the decoder's own pcap writer.
    const pcap = join(root, 'web-page.pcap');
    const bytes = new Uint8Array(readFileSync(HTTP));
    writeFileSync(
      pcap,
      writePcap(readCapture(bytes).frames.map((r) => ({ linkType: r.linkType, timestamp: r.timestamp, data: frameData(bytes, r), origLen: r.origLen }))),
    );
    const r = run('lesson', 'new', 'first-contact', '--capture', ARP, '--root', root);
    expect(r.code).toBe(0);
    const lesson = readFileSync(join(root, 'lessons/08-first-contact.mdx'), 'utf8');
    expect(lesson).not.toContain('SequenceDiagram');
    expect(lesson).toContain("answer={{ frame: 2, field: 'arp.opcode' }}");
    expect(lesson).toContain("frame={2} ask={['arp.opcode', 'eth.dst']}");
    expect(sidecar(join(root, 'captures/contributed/first-contact.yaml')).hosts).toEqual({
      A: { name: 'Host A', address: '10.77.0.1' },
      B: { name: 'Host B', address: '10.77.0.2' },
    });
    const check = run('lesson', 'check', '--root', root);
    expect(check.out).toBe('');
    expect(check.err).toBe('2 lessons checked: no problems');
    expect(check.code).toBe(0);

    const p = run('lesson', 'new', 'from-pcap', '--capture', pcap, '--root', root);
    expect(p.code).toBe(0);
    expect(p.out).toContain('from-pcap.pcapng: 16 frames (converted from pcap)');
    const written = readFileSync(join(root, 'captures/contributed/from-pcap.pcapng'));
    expect(written.subarray(0, 4)).toEqual(Buffer.from([0x0a, 0x0d, 0x0d, 0x0a]));
    expect(readFileSync(join(root, 'lessons/09-from-pcap.mdx'), 'utf8')).toContain('order: 9\n');
    expect(sidecar(join(root, 'captures/contributed/from-pcap.yaml')).source.description).toContain('web-page.pcap, converted from pcap to pcapng');
    expect(run('lesson', 'check', join(root, 'lessons/09-from-pcap.mdx'), '--root', root).code).toBe(0);
  });

  it('refuses a damaged file and a file that is not a capture, writing nothing', () => {
    const root = tempRoot();
    const before = files(root);
    const whole = readFileSync(HTTP);
    const cut = join(testTempDir('wirebook-cut-'), 'cut.pcapng');
    writeFileSync(cut, whole.subarray(0, whole.length - 100));
    const d = run('lesson', 'new', 'cut', '--capture', cut, '--root', root);
    expect(d.code).toBe(1);
    expect(d.err).toMatch(/is damaged at byte \d+: .*\(nothing was written\)$/);
    const txt = join(testTempDir('wirebook-notes-'), 'notes.txt');
    writeFileSync(txt, 'hello, this is not a capture\n');
    const t = run('lesson', 'new', 'notes', '--capture', txt, '--root', root);
    expect(t.code).toBe(1);
    expect(t.err).toContain('is not a pcap or pcapng capture (nothing was written)');
    expect(files(root)).toEqual(before);
  });

  it('refuses to overwrite a lesson or a capture of that name', () => {
    const root = tempRoot();
    expect(run('lesson', 'new', 'web-page', '--capture', HTTP, '--root', root).code).toBe(0);
    const before = files(root);
    const again = run('lesson', 'new', 'web-page', '--capture', ARP, '--root', root);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/web-page\.(yaml|pcapng)|08-web-page\.mdx/);
    expect(again.err).toContain('exists');
    // A recorded capture's id is taken too, and so is a lesson's name.
    copyFileSync(join(ROOT, 'captures/recorded/arp.yaml'), join(root, 'captures/recorded/arp.yaml'));
    expect(run('lesson', 'new', 'arp', '--capture', ARP, '--root', root).err).toContain('arp.yaml exists');
    expect(run('lesson', 'new', 'old', '--capture', ARP, '--root', root).err).toContain('07-old.mdx exists');
    expect(files(root)).toEqual([...before, 'captures/recorded/arp.yaml'].sort());
    expect(existsSync(join(root, 'lessons/09-web-page.mdx'))).toBe(false);
  });

  it('exits 2 on usage errors', () => {
    expect(run('lesson', 'new').err).toContain('no NAME given');
    expect(run('lesson', 'new', 'Web Page', '--capture', HTTP).err).toContain('not a usable name');
    expect(run('lesson', 'new', 'web-page').err).toContain('no capture given');
    expect(run('lesson', 'new', 'web-page', '--capture', '/nonexistent/x.pcap', '--root', tempRoot()).err).toContain('no such file');
    expect(run('lesson', 'check', '--title', 'x').code).toBe(2);
    expect(run('lesson', 'make').err).toContain('lesson new NAME --capture FILE');
  });

  it('writes a Predict on an IPv6 capture whose key counts each side from its own SYN', () => {
    // tshark -2 on tcp-ipv6.pcapng: frame 3 is fd77::1 -> fd77::2 [ACK] Seq=1 Ack=1 (raw 1318805635 and 509228973).
    const root = tempRoot();
    expect(run('lesson', 'new', 'ipv6-page', '--capture', IPV6, '--root', root).code).toBe(0);
    expect(sidecar(join(root, 'captures/contributed/ipv6-page.yaml')).hosts).toMatchObject({ A: { address: 'fd77::1' }, B: { address: 'fd77::2' } });
    const path = join(root, 'lessons/08-ipv6-page.mdx');
    const lesson = readFileSync(path, 'utf8');
    const predict = /<Predict id="predict-next-segment" capture="ipv6-page" frame=\{3\}[^>]*>/.exec(lesson)?.[0];
    expect(predict).toContain('Seq=1 Ack=1');
    // The key the site builds for it (lesson check builds it the same way).
    const capture = diskWorld(root).capture('ipv6-page') as CaptureView;
    expect([capture.keyValue(3, 'tcp.seq', 'relative'), capture.keyValue(3, 'tcp.ack', 'relative')]).toEqual([1, 1]);
    expect([capture.keyValue(3, 'tcp.seq', 'raw'), capture.keyValue(3, 'tcp.ack', 'raw')]).toEqual([1318805635, 509228973]);
    expect(run('lesson', 'check', path, '--root', root).code).toBe(0);

    // An explanation that disagrees with the key (these are the numbers a key counted from the other side's SYN gave) fails the check.
    writeFileSync(path, lesson.replace(predict!, predict!.replace('Seq=1 Ack=1', 'Seq=809576663 Ack=3485390635')));
    const check = run('lesson', 'check', path, '--root', root);
    expect(check.code).not.toBe(0);
    expect(check.out).toContain('its explanation says Seq=809576663, but the key expects 1');
    expect(check.out).toContain('its explanation says Ack=3485390635, but the key expects 1');
  });
});
