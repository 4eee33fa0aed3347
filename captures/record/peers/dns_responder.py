#!/usr/bin/env python3
"""A tiny DNS responder on UDP: answers A, AAAA and CNAME from a fixed zone, NXDOMAIN otherwise.

usage: dns_responder.py ADDR [PORT] [COUNT]

Serves COUNT queries (default 3), then exits. Prints "ready" once bound.
Answers use name compression, so the CNAME target and the SOA names point
back into the question.
"""
import ipaddress
import socket
import struct
import sys

from dns_wire import CLASS_IN, TYPES, Writer, read_name

# Documentation addresses (RFC 5737, RFC 3849) and reserved names (RFC 2606).
ZONE = {
    ('www.example.com', 'CNAME'): ['web.example.com'],
    ('web.example.com', 'A'): ['192.0.2.10', '192.0.2.11'],
    ('web.example.com', 'AAAA'): ['2001:db8::10'],
    ('example.com', 'A'): ['192.0.2.1'],
}
SOA = ('example.com', 'ns1.example.com', 'hostmaster.example.com', 2026051901, 7200, 3600, 1209600, 300)
TTL = 300


def rdata(w, rtype, value):
    """Writes RDLENGTH and RDATA; names inside RDATA are compressed too."""
    at = len(w.buf)
    w.u16(0)
    if rtype == 'A':
        w.buf += ipaddress.IPv4Address(value).packed
    elif rtype == 'AAAA':
        w.buf += ipaddress.IPv6Address(value).packed
    elif rtype == 'CNAME':
        w.name(value)
    elif rtype == 'SOA':
        _, mname, rname, serial, refresh, retry, expire, minimum = value
        w.name(mname)
        w.name(rname)
        for v in (serial, refresh, retry, expire, minimum):
            w.u32(v)
    struct.pack_into('!H', w.buf, at, len(w.buf) - at - 2)


def answer(query):
    qid, flags, qdcount = struct.unpack_from('!HHH', query)
    qname, off = read_name(query, 12)
    qtype, qclass = struct.unpack_from('!HH', query, off)
    tname = {v: k for k, v in TYPES.items()}.get(qtype, '')

    records, name = [], qname.lower()
    for _ in range(8):  # follow the CNAME chain
        if (name, 'CNAME') in ZONE and tname != 'CNAME':
            target = ZONE[(name, 'CNAME')][0]
            records.append((name, 'CNAME', target))
            name = target
            continue
        records += [(name, tname, v) for v in ZONE.get((name, tname), [])]
        break
    known = any(n == qname.lower() for n, _ in ZONE) or records
    rcode = 0 if known else 3  # NXDOMAIN

    w = Writer()
    w.u16(qid)
    w.u16(0x8000 | (flags & 0x0100) | 0x0080 | rcode)  # QR, RD copied, RA
    w.u16(1)
    w.u16(len(records))
    w.u16(0 if records else 1)  # negative answers carry the SOA (RFC 2308)
    w.u16(0)
    w.name(qname)
    w.u16(qtype)
    w.u16(qclass)
    for owner, rtype, value in records:
        w.name(owner)
        w.u16(TYPES[rtype])
        w.u16(CLASS_IN)
        w.u32(TTL)
        rdata(w, rtype, value)
    if not records:
        w.name(SOA[0])
        w.u16(TYPES['SOA'])
        w.u16(CLASS_IN)
        w.u32(SOA[-1])
        rdata(w, 'SOA', SOA)
    return bytes(w.buf)


def main(argv):
    addr = argv[0]
    port = int(argv[1]) if len(argv) > 1 else 53
    count = int(argv[2]) if len(argv) > 2 else 3
    family = socket.AF_INET6 if ':' in addr else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_DGRAM)
    sock.bind((addr, port))
    print('ready', flush=True)
    for _ in range(count):
        query, peer = sock.recvfrom(4096)
        sock.sendto(answer(query), peer)
        print(f'answered {peer[0]} {peer[1]}', flush=True)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
