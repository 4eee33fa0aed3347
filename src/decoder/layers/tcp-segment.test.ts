import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openCapture } from '../open-capture.ts';
import { compileWanted, createExtractor, findAll, findField } from '../dissect.ts';
import { createAnalysisSessions } from '../analysis/session-adapter.ts';
import { frameData, readCapture } from '../capture/index.ts';
import type { Field } from '../types.ts';
import { REASSEMBLED_TCP } from './tcp-segment.ts';

const ROOT = new URL('../../../', import.meta.url);
const read = (path: string): Uint8Array => new Uint8Array(readFileSync(new URL(path, ROOT)));
const HANDSHAKE = 'captures/rebuilt/report-tcp-handshake.pcapng';
const text = (b: Uint8Array): string => String.fromCharCode(...b);

/** Every node of a tree, depth first. */
function nodes(fs: readonly Field[]): Field[] {
  return fs.flatMap((f) => [f, ...nodes(f.children ?? [])]);
}

describe('a PDU over several TCP segments (as tshark -2)', () => {
  it('shows the earlier segments as TCP, pointing at the frame that completes the PDU', () => {
    const c = openCapture(read(HANDSHAKE));
    for (const n of [6, 7, 9]) {
      const d = c.dissect(n);
      expect(d.columns.protocol).toBe('TCP');
      expect(d.columns.info).toMatch(/ Len=1460 \[TCP segment of a reassembled PDU\]$/);
      expect(d.protocols).toBe('eth:ethertype:ip:tcp');
      expect(findField(d.tree, 'tcp.reassembled_in')!.show).toBe('10');
      expect(findField(d.tree, 'tcp.segment_data')).toMatchObject({ offset: 54, length: 1460, display: 'TCP segment data (1460 bytes)' });
      expect(d.sources).toEqual([]);
    }
  });

  it('dissects the HTTP response in the last segment, from the reassembled bytes as a data source of their own', () => {
    const c = openCapture(read(HANDSHAKE));
    const d = c.dissect(10);
    expect(d.columns).toMatchObject({ protocol: 'HTTP/XML', info: 'HTTP/1.1 200 OK ' });
    expect(d.protocols).toBe('eth:ethertype:ip:tcp:http:xml');
    expect(d.sources).toHaveLength(1);
    const { name, bytes } = d.sources[0];
    expect(name).toBe(REASSEMBLED_TCP);
    expect(bytes.length).toBe(4606);
    // The parts are the four segments' payloads, in order.
    expect(bytes.subarray(0, 1460)).toEqual(c.data(6).subarray(54));
    expect(bytes.subarray(4380)).toEqual(c.data(10).subarray(54));

    const segs = findField(d.tree, 'tcp.segments')!;
    expect(segs.display).toBe('[4 Reassembled TCP Segments (4606 bytes): #6(1460), #7(1460), #9(1460), #10(226)]');
    expect(d.tree.map((f) => f.name)).toEqual(['frame', 'eth', 'ip', 'tcp', 'tcp.segments', 'http', 'xml']);
    expect(segs.children!.filter((f) => f.name === 'tcp.segment').map((f) => [f.show, f.offset, f.length])).toEqual([
      ['6', 0, 1460],
      ['7', 1460, 1460],
      ['9', 2920, 1460],
      ['10', 4380, 226],
    ]);
    expect(findField(d.tree, 'tcp.segment.count')!.show).toBe('4');
    expect(findField(d.tree, 'tcp.reassembled.length')!.show).toBe('4606');

    // Every HTTP field lies in the reassembled source, at tshark's positions, and reads its value from there.
    const http = d.tree.find((f) => f.name === 'http')!;
    expect(nodes([http]).every((f) => f.source === REASSEMBLED_TCP)).toBe(true);
    const version = findField(d.tree, 'http.response.version')!;
    expect([version.offset, version.length]).toEqual([0, 8]);
    expect(text(bytes.subarray(version.offset, version.offset + version.length))).toBe('HTTP/1.1');
    expect(findField(d.tree, 'http.content_length_header')).toMatchObject({ offset: 56, length: 22, show: '4436' });
    expect(findField(d.tree, 'http.file_data')).toMatchObject({ offset: 170, length: 4436 });

    // The TCP layer itself stays in the frame, ending with this segment's part.
    const tcp = d.tree.find((f) => f.name === 'tcp')!;
    expect(nodes([tcp]).some((f) => f.source !== undefined)).toBe(false);
    expect(findField(tcp.children!, 'tcp.segment_data')).toMatchObject({ offset: 54, length: 226 });
    expect(findField(tcp.children!, 'tcp.reassembled_in')).toBeUndefined();
  });

  it('gives the completing frame its PDU even when it is dissected first', () => {
    const c = openCapture(read('captures/recorded/tcp-http.pcapng'));
    const d = c.dissect(12);
    expect(d.columns).toMatchObject({ protocol: 'HTTP', info: 'HTTP/1.1 200 OK  (text/html)' });
    expect(d.sources[0].bytes.length).toBe(4606);
    expect(findAll(d.tree, 'tcp.segment').map((f) => f.show)).toEqual(['6', '8', '10', '12']);
  });

  it('reads DNS over TCP whose length prefix is split between segments', () => {
    const c = openCapture(read('src/decoder/analysis/testdata/reassembly.pcapng'));
    expect(c.dissect(21).columns.info).toMatch(/Len=1 \[TCP segment of a reassembled PDU\]$/);
    const d = c.dissect(22);
    expect(d.columns.protocol).toBe('DNS');
    expect(findField(d.tree, 'dns.length')).toMatchObject({ source: REASSEMBLED_TCP, offset: 0, length: 2, show: '29' });
    expect(findField(d.tree, 'dns.id')).toMatchObject({ offset: 2, show: '0x1234' });
    expect(findAll(d.tree, 'tcp.segment').map((f) => f.display)).toEqual(['Frame: 21, payload: 0-0 (1 byte)', 'Frame: 22, payload: 1-30 (30 bytes)']);
  });

  it('dissects what a segment completes or holds whole, and holds back only the part of a later PDU', () => {
    // Frame 5 ends response 1 and starts response 2; frame 6 ends 2 and starts 3; frame 7 ends 3.
    const c = openCapture(read('src/decoder/layers/testdata/http-pipelined.pcap'));
    const rows = c
      .summaries()
      .slice(4)
      .map((r) => [r.number, r.protocol, r.info]);
    expect(rows).toEqual([
      // tshark also appends the first line of the held response 2 here ("...(text/plain)HTTP/1.1 200 OK ").
      [5, 'HTTP', 'HTTP/1.1 200 OK  (text/plain)'],
      [6, 'HTTP', 'HTTP/1.1 200 OK  (text/plain)'],
      [7, 'HTTP', 'HTTP/1.1 404 Not Found '],
    ]);
    const five = c.dissect(5);
    expect(findField(five.tree, 'http.file_data')!.show).toBe('hello');
    expect(five.sources).toEqual([]);
    expect(findField(five.tree, 'tcp.reassembled_in')!.show).toBe('6');
    const six = c.dissect(6);
    expect(text(six.sources[0].bytes)).toMatch(/^HTTP\/1\.1 200 OK\r\n.*hello world!$/s);
    expect(findField(six.tree, 'tcp.reassembled_in')!.show).toBe('7');
    expect(findField(six.tree, 'http.file_data')).toMatchObject({ source: REASSEMBLED_TCP, show: 'hello world!' });
  });

  it('keeps the parts in the fields path, where the read buffer is reused for every frame', () => {
    const bytes = read(HANDSHAKE);
    const cap = readCapture(bytes);
    const sessions = createAnalysisSessions();
    for (const r of cap.frames) expect(sessions.walkFirstPass(r, frameData(bytes, r))).toBe(true);
    const { secondPass } = sessions.finish();
    const extract = createExtractor(compileWanted(['http.response.code', 'http.content_length', 'tcp.segment', '_ws.col.Info']));
    const buffer = new Uint8Array(2048);
    const rows = cap.frames.map((r) => {
      const data = frameData(bytes, r);
      buffer.set(data);
      const row = extract(r, buffer.subarray(0, data.length), secondPass).slice();
      buffer.fill(0);
      return row;
    });
    expect(rows[9]).toEqual(['200', '4436', '6,7,9,10', 'HTTP/1.1 200 OK ']);
    expect(rows[5]).toEqual(['', '', '', '80 → 56986 [ACK] Seq=1 Ack=214 Win=30336 Len=1460 [TCP segment of a reassembled PDU]']);
  });
});
