import { describe, expect, it } from 'vitest';
import { dissectFrame, findField } from '../dissect.ts';
import { agree, record } from './testdata/oracle.ts';
import { REPORT_ARP_REPLY, REPORT_ARP_REQUEST } from './testdata/seed.ts';

describe('ARP', () => {
  it('agrees with tshark (request, reply, announcement, probe, cut, malformed)', () => {
    expect(agree('report', ['arp', '_ws.short'])).toEqual([]);
    expect(agree('crafted-eth', ['arp', '_ws.malformed'])).toEqual([]);
  });

  it('decodes the report frame 10775: a unicast request from the router', () => {
    const d = dissectFrame(record(REPORT_ARP_REQUEST, 1, 10775), REPORT_ARP_REQUEST);
    expect(d.columns).toEqual({
      source: 'EFMNetwo_65:65:aa',
      destination: 'CloudNet_46:85:d3',
      protocol: 'ARP',
      info: 'Who has 192.168.0.5? Tell 192.168.0.1',
    });
    expect(findField(d.tree, 'arp')!.display).toBe('Address Resolution Protocol (request)');
    expect(findField(d.tree, 'arp.opcode')).toMatchObject({ display: 'Opcode: request (1)', show: '1', offset: 20, length: 2 });
    expect(findField(d.tree, 'arp.src.hw_mac')!.display).toBe('Sender MAC address: EFMNetwo_65:65:aa (70:5d:cc:65:65:aa)');
    expect(findField(d.tree, 'arp.dst.hw_mac')!.display).toBe('Target MAC address: 00:00:00_00:00:00 (00:00:00:00:00:00)');
    expect(findField(d.tree, 'arp.dst.proto_ipv4')!.show).toBe('192.168.0.5');
    expect(d.layers.arp).toMatchObject({ opcode: 1, senderIp: 0xc0a80001, targetIp: 0xc0a80005, gratuitous: false });
  });

  it('decodes the reply 10776', () => {
    const d = dissectFrame(record(REPORT_ARP_REPLY, 1, 10776), REPORT_ARP_REPLY);
    expect(d.columns.info).toBe('192.168.0.5 is at 48:5f:99:46:85:d3');
    expect(findField(d.tree, 'arp.src.hw_mac')!.display).toBe('Sender MAC address: CloudNet_46:85:d3 (48:5f:99:46:85:d3)');
    expect(d.protocols).toBe('eth:ethertype:arp');
  });

  it('keeps the fixed part of a packet cut short and marks it malformed', () => {
    const cut = REPORT_ARP_REQUEST.subarray(0, 25);
    const d = dissectFrame(record(cut), cut);
    expect(d.malformed).toBe(true);
    expect(findField(d.tree, 'arp.opcode')!.show).toBe('1');
    expect(findField(d.tree, 'arp.src.hw_mac')).toBeUndefined();
  });
});
