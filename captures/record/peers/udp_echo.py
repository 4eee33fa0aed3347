#!/usr/bin/env python3
"""UDP echo: a server that sends every datagram back, and a client that sends datagrams of given sizes.

usage: udp_echo.py serve ADDR PORT COUNT
       udp_echo.py send ADDR PORT SIZE...

The server answers COUNT datagrams, then exits; it prints "ready" once bound.
The client sends one datagram per SIZE (bytes of UDP payload, a repeating
pattern) and waits for each echo. Datagrams larger than the link's MTU leave
the kernel as IP fragments: IPv4 fragments them when DF is clear, IPv6 in the
sending host with a Fragment header (RFC 8200 4.5).
"""
import socket
import sys


def family(addr):
    return socket.AF_INET6 if ':' in addr else socket.AF_INET


def serve(addr, port, count):
    sock = socket.socket(family(addr), socket.SOCK_DGRAM)
    sock.bind((addr, port))
    print('ready', flush=True)
    for _ in range(count):
        data, peer = sock.recvfrom(65535)
        sock.sendto(data, peer)
    return 0


def send(addr, port, sizes):
    sock = socket.socket(family(addr), socket.SOCK_DGRAM)
    if family(addr) == socket.AF_INET:
        # Let the kernel fragment (DF clear) rather than refuse a datagram over the path MTU.
        sock.setsockopt(socket.IPPROTO_IP, getattr(socket, 'IP_MTU_DISCOVER', 10), getattr(socket, 'IP_PMTUDISC_DONT', 0))
    sock.settimeout(3)
    for size in sizes:
        payload = bytes(0x20 + i % 95 for i in range(size))
        sock.sendto(payload, (addr, port))
        data, _ = sock.recvfrom(65535)
        if data != payload:
            print('echo differs', file=sys.stderr)
            return 1
        print(f'echo {size}', flush=True)
    return 0


def main(argv):
    if len(argv) >= 4 and argv[0] == 'serve':
        return serve(argv[1], int(argv[2]), int(argv[3]))
    if len(argv) >= 4 and argv[0] == 'send':
        return send(argv[1], int(argv[2]), [int(s) for s in argv[3:]])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
