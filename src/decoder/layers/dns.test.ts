import { describe, expect, it } from 'vitest';
import { dissectFrame, findAll, findField } from '../dissect.ts';
import { agree, hex, load, record } from './testdata/oracle.ts';
import { REPORT_FRAME_1 } from './testdata/seed.ts';
import { ttlText } from './dns.ts';
import { readName } from './dns-name.ts';

describe('DNS', () => {
  it('agrees with tshark over UDP and TCP, with mDNS and LLMNR', () => {
    expect(agree('loopback', ['dns', 'mdns', 'llmnr', '_ws.malformed'])).toEqual([]);
    expect(agree('crafted-eth', ['dns', '_ws.malformed'])).toEqual([]);
    for (const c of ['crafted-sll', 'crafted-sll2', 'crafted-null', 'crafted-raw'] as const) expect(agree(c, ['dns'])).toEqual([]);
  });

  it("decodes the report's frame 1 query", () => {
    const d = dissectFrame(record(REPORT_FRAME_1), REPORT_FRAME_1);
    expect(d.columns).toEqual({ source: '192.168.0.5', destination: '168.126.63.1', protocol: 'DNS', info: 'Standard query 0x562d A st.afreecatv.com' });
    expect(d.protocols).toBe('eth:ethertype:ip:udp:dns');
    expect(findField(d.tree, 'dns.qry.name')).toMatchObject({ show: 'st.afreecatv.com', offset: 54, length: 18 });
    expect(d.layers.dns).toMatchObject({ id: 0x562d, response: false, questions: [{ name: 'st.afreecatv.com', type: 1, class: 1 }] });
  });

  it('follows compression pointers in a response', () => {
    const { frames } = load('loopback.pcapng', 'loopback.tshark.json', { decodeAs: { 'udp.port': { 45953: 'dns' } } });
    const f = frames[3].dissected;
    expect(findAll(f.tree, 'dns.a').map((x) => x.show)).toEqual(['118.217.1.2', '118.217.1.3', '10.0.0.1']);
    expect(findField(f.tree, 'dns.cname')).toMatchObject({ show: 'edge.afreecatv.com', length: 7 });
    expect(f.layers.dns?.answers.map((a) => a.type)).toEqual([5, 1, 1, 28, 15, 16, 33, 12, 65399, 2, 1, 41]);
  });

  it('reads names: plain, compressed, looping, cut, pointing outside', () => {
    const msg = hex('0000 0000 0000 0000 0000 0000 02 7374 03 636f6d 00 c00c c00f c018');
    expect(readName(msg, 0, 12, msg.length)).toMatchObject({ text: 'st.com', used: 8, labels: 2, state: 'ok' });
    expect(readName(msg, 0, 20, msg.length)).toMatchObject({ text: 'st.com', used: 2, state: 'ok' });
    expect(readName(msg, 0, 22, msg.length)).toMatchObject({ text: 'com', used: 2, state: 'ok' });
    expect(readName(msg, 0, 24, msg.length).state).toBe('loop');
    expect(readName(msg, 0, 12, 16).state).toBe('bad');
    expect(readName(msg.subarray(0, 16), 0, 12, msg.length).state).toBe('cut');
    expect(readName(hex('c0ff'), 0, 0, 2).state).toBe('bad');
  });

  it('writes TTLs as Wireshark does', () => {
    expect(ttlText(300)).toBe('5 minutes');
    expect(ttlText(100)).toBe('1 minute, 40 seconds');
    expect(ttlText(3600)).toBe('1 hour');
    expect(ttlText(0)).toBe('0 seconds');
  });

  it('marks a cut name malformed and keeps the header', () => {
    const cut = REPORT_FRAME_1.slice();
    cut[54] = 0x3f; // first label claims 63 bytes
    const d = dissectFrame(record(cut), cut);
    expect(d.malformed).toBe(true);
    expect(findField(d.tree, 'dns.id')!.show).toBe('0x562d');
    expect(d.columns.info).toBe('Standard query 0x562d[Malformed Packet]');
  });
});
