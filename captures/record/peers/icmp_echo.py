#!/usr/bin/env python3
"""Sends ICMP echo requests (like ping) and waits for each reply.

usage: icmp_echo.py DEST [COUNT] [SIZE]

SIZE: bytes of echo data (default 48); past the MTU the request and its
reply travel as IP fragments.
"""
import os
import socket
import struct
import sys
import time


def checksum(data):
    if len(data) % 2:
        data += b'\0'
    s = sum(struct.unpack(f'!{len(data) // 2}H', data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def main(argv):
    dest = argv[0]
    count = int(argv[1]) if len(argv) > 1 else 1
    size = int(argv[2]) if len(argv) > 2 else 48
    sock = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
    sock.settimeout(3)
    ident = os.getpid() & 0xFFFF
    # Like ping's pattern after its timestamp: 48 bytes by default.
    payload = bytes((0x10 + i) % 256 for i in range(size))
    for seq in range(1, count + 1):
        head = struct.pack('!BBHHH', 8, 0, 0, ident, seq)
        packet = head[:2] + struct.pack('!H', checksum(head + payload)) + head[4:] + payload
        sock.sendto(packet, (dest, 0))
        while True:
            reply, _ = sock.recvfrom(65535)
            ihl = (reply[0] & 0x0F) * 4
            rtype, _, _, rid, rseq = struct.unpack_from('!BBHHH', reply, ihl)
            if rtype == 0 and rid == ident and rseq == seq:
                print(f'reply seq {seq}', flush=True)
                break
        if seq < count:
            time.sleep(0.5)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
