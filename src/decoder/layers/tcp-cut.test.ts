// TCP segments whose options the snap length cut, as tshark 4.0 (-2) shows them. The
// captures are tcp-keepalive.pcapng with one frame cut to 60 bytes (Ethernet, IPv4, the
// fixed TCP header and 6 bytes of options), as `editcap -s 60` cuts it; the expected
// strings are tshark's for those files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frameData, readCapture, writePcap } from '../capture/index.ts';
import { compileWanted, createExtractor } from '../dissect.ts';
import { createAnalysisSessions } from '../analysis/session-adapter.ts';

const KEEPALIVE = join(import.meta.dirname, '../../../captures/recorded/tcp-keepalive.pcapng');

/** tcp-keepalive.pcapng with frame `n` cut to 60 bytes, as a pcap. */
function withCutFrame(n: number): Uint8Array {
  const file = new Uint8Array(readFileSync(KEEPALIVE));
  const frames = readCapture(file).frames.map((r) => {
    const data = frameData(file, r);
    return { linkType: r.linkType, timestamp: r.timestamp, origLen: r.origLen, data: r.number === n ? data.subarray(0, 60) : data };
  });
  return writePcap(frames);
}

/** Both passes through the dissector; the wanted fields of every frame, by name. */
function fields(pcap: Uint8Array, names: string[]): Array<Record<string, string>> {
  const index = readCapture(pcap);
  const sessions = createAnalysisSessions();
  const first = createExtractor(compileWanted(['frame.number']));
  for (const r of index.frames) first(r, frameData(pcap, r), sessions.firstPass);
  const { secondPass } = sessions.finish();
  const x = createExtractor(compileWanted(names));
  return index.frames.map((r) => {
    const got = x(r, frameData(pcap, r), secondPass);
    return Object.fromEntries(names.map((name, i) => [name, got[i]]));
  });
}

describe('TCP options cut by the snap length', () => {
  it('lists the options captured whole in Info, then the marker', () => {
    const f = fields(withCutFrame(1), ['_ws.col.Info', 'tcp.options.mss_val', 'tcp.option_kind', 'tcp.option_len']);
    expect(f[0]['_ws.col.Info']).toBe('39926 → 5004 [SYN] Seq=0 Win=64240 Len=0 MSS=1460 SACK_PERM[Packet size limited during capture]');
    expect(f[0]['tcp.options.mss_val']).toBe('1460');
    expect(f[0]['tcp.option_kind']).toBe('2,4');
  });

  it('leaves the scale unknown (-1) for the side whose SYN lost the option, not "not used" (-2)', () => {
    const syn = fields(withCutFrame(1), ['tcp.window_size_scalefactor', 'tcp.window_size']);
    expect(syn[2]).toEqual({ 'tcp.window_size_scalefactor': '-1', 'tcp.window_size': '63' });
    expect(syn[4]).toEqual({ 'tcp.window_size_scalefactor': '1024', 'tcp.window_size': '65536' });
    const synAck = fields(withCutFrame(2), ['tcp.window_size_scalefactor', 'tcp.window_size']);
    expect(synAck[2]).toEqual({ 'tcp.window_size_scalefactor': '1024', 'tcp.window_size': '64512' });
    expect(synAck[4]).toEqual({ 'tcp.window_size_scalefactor': '-1', 'tcp.window_size': '64' });
  });

  it('counts a cut keep-alive in the analysis but shows no flag on it', () => {
    const f = fields(withCutFrame(8), ['_ws.col.Info', 'tcp.analysis.flags', 'tcp.time_delta']);
    expect(f[7]).toEqual({
      '_ws.col.Info': '39926 → 5004 [ACK] Seq=6 Ack=7 Win=64512 Len=0[Packet size limited during capture]',
      'tcp.analysis.flags': '',
      'tcp.time_delta': '1.009556375',
    });
    // The answer to it is still a keep-alive ACK: the analysis saw the probe.
    expect(f[8]['_ws.col.Info']).toBe('[TCP Keep-Alive ACK] 5004 → 39926 [ACK] Seq=7 Ack=7 Win=65536 Len=0 TSval=1018645438 TSecr=3692849221');
  });
});
