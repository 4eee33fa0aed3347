#!/usr/bin/env python3
"""DNS over UDP with markup in the query names, for testing that pages show names as text.

usage: hostile_dns.py serve ADDR COUNT
       hostile_dns.py ask SERVER NAME...

DNS labels may hold any bytes (RFC 2181 11), so a name such as
"<script>alert(1)</script>.example.com" is a valid question. The names are
built label by label here, since a "/" inside a label would confuse the
NAME/TYPE arguments of dns_client.py. The server answers every question with
one A record whose owner name is a compression pointer back to the question
(RFC 1035 4.1.4). Prints "ready" once bound.
"""
import random
import socket
import struct
import sys
import time

from dns_wire import CLASS_IN, TYPES, read_name

ANSWER_ADDR = bytes([192, 0, 2, 66])  # documentation address (RFC 5737)
TTL = 60


def encode_name(name):
    """Labels split on "." only; every other byte goes into the label as it is."""
    out = bytearray()
    for label in name.rstrip('.').split('.'):
        raw = label.encode('utf-8')
        if not 0 < len(raw) < 64:
            raise SystemExit(f'hostile_dns: label length {len(raw)} out of range: {label!r}')
        out.append(len(raw))
        out += raw
    out.append(0)
    return bytes(out)


def query(qid, name):
    return struct.pack('!HHHHHH', qid, 0x0100, 1, 0, 0, 0) + encode_name(name) + struct.pack('!HH', TYPES['A'], CLASS_IN)


def answer(msg):
    qid, flags = struct.unpack_from('!HH', msg)
    _, end = read_name(msg, 12)
    question = msg[12:end + 4]  # name, type, class
    head = struct.pack('!HHHHHH', qid, 0x8000 | (flags & 0x0100) | 0x0080, 1, 1, 0, 0)
    # Owner 0xC00C: the question's name, which starts at offset 12.
    record = struct.pack('!HHHIH', 0xC00C, TYPES['A'], CLASS_IN, TTL, 4) + ANSWER_ADDR
    return head + question + record


def serve(addr, count):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((addr, 53))
    print('ready', flush=True)
    for _ in range(count):
        msg, peer = sock.recvfrom(4096)
        sock.sendto(answer(msg), peer)
        print(f'answered {peer[0]} {peer[1]}', flush=True)


def ask(server, names):
    for i, name in enumerate(names):
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sock.settimeout(2)
        qid = random.randrange(0x10000)
        sock.sendto(query(qid, name), (server, 53))
        reply, _ = sock.recvfrom(4096)
        if struct.unpack_from('!H', reply)[0] != qid:
            raise SystemExit('hostile_dns: reply id does not match')
        print(f'{name!r}: {len(reply)} bytes', flush=True)
        sock.close()
        if i + 1 < len(names):
            time.sleep(0.2)


def main(argv):
    if len(argv) >= 3 and argv[0] == 'serve':
        serve(argv[1], int(argv[2]))
    elif len(argv) >= 3 and argv[0] == 'ask':
        ask(argv[1], argv[2:])
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
