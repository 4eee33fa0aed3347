import { describe, expect, it } from 'vitest';
import { dissectFrame, findField } from '../dissect.ts';
import { agree, record } from './testdata/oracle.ts';
import { REPORT_FRAME_1 } from './testdata/seed.ts';

describe('IPv4', () => {
  it('agrees with tshark: options, fragments, bad checksum, IHL < 5, quoted headers', () => {
    expect(agree('crafted-eth', ['ip'])).toEqual([]);
    expect(agree('loopback', ['ip'])).toEqual([]);
    expect(agree('crafted-raw', ['ip', 'raw'])).toEqual([]);
  });

  it('validates the report frame 1 header checksum 0xd77c', () => {
    const d = dissectFrame(record(REPORT_FRAME_1), REPORT_FRAME_1);
    expect(findField(d.tree, 'ip.checksum')!.display).toBe('Header Checksum: 0xd77c [correct]');
    expect(findField(d.tree, 'ip.checksum.status')).toMatchObject({ show: '1', display: '[Header checksum status: Good]', generated: true });
    expect(findField(d.tree, 'ip.flags')).toMatchObject({ show: '0x00', display: '000. .... = Flags: 0x0' });
    expect(findField(d.tree, 'ip.id')!.display).toBe('Identification: 0xbb05 (47877)');
    expect(d.layers.ipv4).toMatchObject({ src: 0xc0a80005, dst: 0xa87e3f01, proto: 17, ttl: 128, hdrLen: 20, totalLen: 62 });
  });

  it('says what the checksum should be when it is wrong', () => {
    const bad = REPORT_FRAME_1.slice();
    bad[25] ^= 0xff;
    const d = dissectFrame(record(bad), bad);
    const f = findField(d.tree, 'ip.checksum')!;
    expect(f.display).toMatch(/incorrect, should be 0xd77c/);
    expect(f.expert?.[0]).toMatchObject({ name: 'ip.checksum_bad.expert', severity: 'error' });
    expect(findField(d.tree, 'ip.checksum.status')!.show).toBe('0');
    expect(d.malformed).toBe(false);
  });

  it('stops at a header length below 20 bytes and keeps the fields before it', () => {
    const bad = REPORT_FRAME_1.slice();
    bad[14] = 0x44;
    const d = dissectFrame(record(bad), bad);
    expect(d.malformed).toBe(true);
    expect(findField(d.tree, 'ip.hdr_len')!.expert?.[0].name).toBe('ip.bogus_header_length');
    expect(d.columns.info).toBe('Bogus IP header length (16, must be at least 20)');
    expect(findField(d.tree, 'udp')).toBeUndefined();
  });
});

describe('IPv4 TTL note', () => {
  // Wireshark's rule (packet-ip.c): a TTL under 5 to a unicast address is noted; tshark prints '"Time To Live" only 1' on icmp-path frame 1.
  const withTtl = (ttl: number, firstDstByte?: number) => {
    const f = REPORT_FRAME_1.slice();
    f[22] = ttl;
    if (firstDstByte !== undefined) f[30] = firstDstByte;
    return dissectFrame(record(f), f);
  };

  it('notes a unicast TTL under 5', () => {
    expect(findField(withTtl(1).tree, 'ip.ttl')!.expert?.[0]).toMatchObject({
      name: 'ip.ttl.too_small',
      severity: 'note',
      message: '"Time To Live" only 1',
    });
  });

  it('says nothing at TTL 5 or to a multicast address', () => {
    expect(findField(withTtl(5).tree, 'ip.ttl')!.expert).toBeUndefined();
    expect(findField(withTtl(1, 224).tree, 'ip.ttl')!.expert).toBeUndefined();
  });
});
