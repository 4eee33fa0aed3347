#!/usr/bin/env python3
"""Broadcasts one ARP probe or announcement (RFC 5227) from IFACE.

usage: arp_send.py IFACE probe|announce IPV4

probe:     sender IP 0.0.0.0, target IP = IPV4: "is anyone using this address?"
announce:  sender IP = target IP = IPV4 (a gratuitous ARP request, like arping -U)
"""
import ipaddress
import socket
import struct
import sys

ETH_P_ARP = 0x0806


def main(argv):
    iface, kind, ip = argv
    with open(f'/sys/class/net/{iface}/address') as f:
        mac = bytes.fromhex(f.read().strip().replace(':', ''))
    addr = ipaddress.IPv4Address(ip).packed
    sender_ip = b'\0\0\0\0' if kind == 'probe' else addr
    arp = struct.pack('!HHBBH', 1, 0x0800, 6, 4, 1) + mac + sender_ip + b'\0' * 6 + addr
    frame = b'\xff' * 6 + mac + struct.pack('!H', ETH_P_ARP) + arp
    sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    sock.bind((iface, 0))
    sock.send(frame)
    print(f'sent {kind} for {ip}', flush=True)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
