#!/usr/bin/env python3
"""Sends DNS queries over UDP, one at a time, each from a fresh ephemeral port like a stub resolver.

usage: dns_client.py SERVER NAME/TYPE...      e.g. dns_client.py 10.77.0.2 www.example.com/A
"""
import random
import socket
import struct
import sys
import time

from dns_wire import CLASS_IN, TYPES, Writer


def query(qid, name, qtype):
    w = Writer()
    for v in (qid, 0x0100, 1, 0, 0, 0):  # RD set, one question
        w.u16(v)
    w.name(name)
    w.u16(TYPES[qtype])
    w.u16(CLASS_IN)
    return bytes(w.buf)


def main(argv):
    server, asks = argv[0], argv[1:]
    family = socket.AF_INET6 if ':' in server else socket.AF_INET
    for i, ask in enumerate(asks):
        name, _, qtype = ask.partition('/')
        sock = socket.socket(family, socket.SOCK_DGRAM)
        sock.settimeout(2)
        qid = random.randrange(0x10000)
        sock.sendto(query(qid, name, qtype or 'A'), (server, 53))
        reply, _ = sock.recvfrom(4096)
        rid, flags = struct.unpack_from('!HH', reply)
        if rid != qid:
            raise SystemExit('dns_client: reply id does not match')
        print(f'{ask}: rcode {flags & 0xF}, {len(reply)} bytes', flush=True)
        sock.close()
        if i + 1 < len(asks):
            time.sleep(0.2)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
