import { describe, expect, it } from 'vitest';
import { dissectFrame, findField } from '../dissect.ts';
import { agree, load, record } from './testdata/oracle.ts';
import { REPORT_FRAME_1 } from './testdata/seed.ts';

describe('UDP', () => {
  it('agrees with tshark (offloaded checksums on loopback show as bad, as tshark says)', () => {
    expect(agree('crafted-eth', ['udp'])).toEqual([]);
    expect(agree('loopback', ['udp'])).toEqual([]);
    expect(agree('crafted-sll', ['udp'])).toEqual([]);
  });

  it('validates the report frame 1 checksum 0xd29b over the pseudo-header', () => {
    const d = dissectFrame(record(REPORT_FRAME_1), REPORT_FRAME_1);
    expect(findField(d.tree, 'udp')!.display).toBe('User Datagram Protocol, Src Port: 54744, Dst Port: 53');
    expect(findField(d.tree, 'udp.checksum')!.display).toBe('Checksum: 0xd29b [correct]');
    expect(findField(d.tree, 'udp.checksum.status')!.show).toBe('1');
    expect(d.layers.udp).toMatchObject({ srcPort: 54744, dstPort: 53, length: 42, payloadOffset: 42, payloadLength: 34 });
  });

  it('numbers checksum states as Wireshark: bad 0, good 1, not present 3, illegal 4', () => {
    const { frames } = load('crafted-eth.pcap', 'crafted-eth.tshark.json');
    const status = (n: number) => frames[n - 1].dissected.layers.udp?.checksumStatus;
    expect(status(11)).toBe(3); // zero over IPv4
    expect(status(12)).toBe(4); // zero over IPv6
    expect(status(13)).toBe(1);
    const lo = load('loopback.pcapng', 'loopback.tshark.json');
    expect(lo.frames[0].dissected.layers.udp?.checksumStatus).toBe(0);
  });

  it('is unverified when the datagram was cut by the snaplen', () => {
    const cut = REPORT_FRAME_1.subarray(0, 60);
    const d = dissectFrame(record(cut, 1, 1, 76), cut);
    expect(findField(d.tree, 'udp.checksum.status')!.show).toBe('2');
    expect(d.truncated).toBe(true);
  });

  it('marks a length below 8 bytes and stops', () => {
    const { frames } = load('crafted-eth.pcap', 'crafted-eth.tshark.json');
    const f = frames[9].dissected;
    expect(f.malformed).toBe(true);
    expect(findField(f.tree, 'udp.length')!.expert?.[0].name).toBe('udp.length.bad');
    expect(f.columns.info).toBe('1 → 2 [BAD UDP LENGTH 4 < 8]');
  });
});
