#!/usr/bin/env python3
"""Sends one probe and prints the ICMP or ICMPv6 message that answers it.

usage: icmp_probe.py echo DEST [--ttl N] [--size N] [--df]
       icmp_probe.py udp DEST PORT [--ttl N]

echo: an ICMP (or ICMPv6, by the address) echo request of SIZE data bytes
with hop limit TTL; --df forbids fragmentation (IP_PMTUDISC_DO), so a link
with a smaller MTU answers "fragmentation needed" or Packet Too Big.
udp: one 32-byte datagram to PORT; a closed port answers port unreachable.
"""
import os
import socket
import struct
import sys

IP_MTU_DISCOVER = 10
IP_PMTUDISC_DO = 2
IPV6_MTU_DISCOVER = 23
IPV6_PMTUDISC_DO = 2


def checksum(data):
    if len(data) % 2:
        data += b'\0'
    s = sum(struct.unpack(f'!{len(data) // 2}H', data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def option(args, name, default):
    return int(args[args.index(name) + 1]) if name in args else default


def listener(v6):
    if v6:
        return socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6)
    return socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)


def wait_answer(sock, v6):
    # Print the first message that is not our own request echoed back to us.
    sock.settimeout(2)
    try:
        while True:
            data, peer = sock.recvfrom(65535)
            off = 0 if v6 else (data[0] & 0x0F) * 4
            kind, code = data[off], data[off + 1]
            if kind in (8, 128):
                continue
            print(f'answer type {kind} code {code} from {peer[0]}', flush=True)
            return
    except socket.timeout:
        print('no answer', flush=True)


def echo(dest, args):
    v6 = ':' in dest
    ttl, size = option(args, '--ttl', 64), option(args, '--size', 48)
    sock = listener(v6)
    if v6:
        sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_UNICAST_HOPS, ttl)
        if '--df' in args:
            sock.setsockopt(socket.IPPROTO_IPV6, IPV6_MTU_DISCOVER, IPV6_PMTUDISC_DO)
    else:
        sock.setsockopt(socket.IPPROTO_IP, socket.IP_TTL, ttl)
        if '--df' in args:
            sock.setsockopt(socket.IPPROTO_IP, IP_MTU_DISCOVER, IP_PMTUDISC_DO)
    ident = os.getpid() & 0xFFFF
    payload = bytes((0x10 + i) % 256 for i in range(size))
    kind = 128 if v6 else 8
    head = struct.pack('!BBHHH', kind, 0, 0, ident, ttl)
    # The kernel fills in the ICMPv6 checksum (it covers a pseudo-header).
    csum = 0 if v6 else checksum(head + payload)
    sock.sendto(head[:2] + struct.pack('!H', csum) + head[4:] + payload, (dest, 0))
    wait_answer(sock, v6)


def udp(dest, port, args):
    v6 = ':' in dest
    sock = socket.socket(socket.AF_INET6 if v6 else socket.AF_INET, socket.SOCK_DGRAM)
    if v6:
        sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_UNICAST_HOPS, option(args, '--ttl', 64))
    else:
        sock.setsockopt(socket.IPPROTO_IP, socket.IP_TTL, option(args, '--ttl', 64))
    sock.connect((dest, port))
    sock.send(bytes(32))
    sock.settimeout(2)
    try:
        sock.recv(100)
        print('answer data', flush=True)
    except ConnectionRefusedError:
        print('refused', flush=True)
    except socket.timeout:
        print('no answer', flush=True)


def main(argv):
    if len(argv) >= 2 and argv[0] == 'echo':
        echo(argv[1], argv[2:])
    elif len(argv) >= 3 and argv[0] == 'udp':
        udp(argv[1], int(argv[2]), argv[3:])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
