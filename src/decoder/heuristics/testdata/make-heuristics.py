# Writes heuristics.pcap: payloads on ports no dissector is registered for,
# to hold wirebook's heuristics (bindings.ts) to tshark 4.0's dns_udp and
# http_tcp. Frames 1-24: one UDP datagram each (DNS header counts, opcode,
# length at the edges of what the DNS heuristic accepts). Then TCP
# connections, each with its handshake, carrying one case of the HTTP
# heuristic; the last one's second request (HTTP/2.0, which the heuristic
# alone rejects) is HTTP because the connection's first request bound it.
#   python3 make-heuristics.py
import struct

def csum(b):
    if len(b) % 2: b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    while s >> 16: s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff

C = [10, 0, 0, 1]; S = [10, 0, 0, 2]

def eth_ip(proto, src, dst, l4):
    ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(l4), 1, 0x4000, 64, proto, 0, bytes(src), bytes(dst))
    ip = ip[:10] + struct.pack('!H', csum(ip)) + ip[12:]
    return b'\x02\0\0\0\0\x02' + b'\x02\0\0\0\0\x01' + b'\x08\x00' + ip + l4

def udp(sp, dp, payload):
    u = struct.pack('!HHHH', sp, dp, 8 + len(payload), 0) + payload
    ph = bytes(C) + bytes(S) + struct.pack('!BBH', 0, 17, len(u))
    u = u[:6] + struct.pack('!H', csum(ph + u) or 0xffff) + u[8:]
    return eth_ip(17, C, S, u)

def tcp(src, dst, sp, dp, seq, ack, flags, payload=b''):
    t = struct.pack('!HHIIBBHHH', sp, dp, seq, ack, 5 << 4, flags, 64240, 0, 0) + payload
    ph = bytes(src) + bytes(dst) + struct.pack('!BBH', 0, 6, len(t))
    t = t[:16] + struct.pack('!H', csum(ph + t)) + t[18:]
    return eth_ip(6, src, dst, t)

def name(n):
    return b''.join(bytes([len(l)]) + l.encode() for l in n.split('.')) + b'\0'

Q = name('a.example') + struct.pack('!HH', 1, 1)
RR = name('a.example') + struct.pack('!HHIH', 1, 1, 60, 4) + bytes([1, 2, 3, 4])

def dns(flags, qd, an, ns, ar, body):
    return struct.pack('!HHHHHH', 0x1234, flags, qd, an, ns, ar) + body

QUERY = 0x0100
RESPONSE = 0x8180
datagrams = [
    dns(QUERY, 1, 0, 0, 0, Q),
    dns(QUERY | 1 << 11, 1, 0, 0, 0, Q),  # opcode 1
    dns(QUERY, 0, 0, 0, 0, b'\0' * 5),
    dns(QUERY, 2, 0, 0, 0, Q + Q),
    dns(QUERY, 1, 1, 0, 0, Q + RR),
    dns(QUERY, 1, 0, 1, 0, Q + RR),
    dns(QUERY, 1, 0, 0, 1, Q + RR),
    dns(QUERY, 1, 0, 0, 10, Q + RR * 10),
    dns(QUERY, 1, 0, 0, 11, Q + RR * 11),
    dns(QUERY, 1, 0, 0, 0, b''),  # the header alone
    dns(RESPONSE, 0, 1, 0, 0, RR),
    dns(RESPONSE, 1, 10, 0, 0, Q + RR * 10),
    dns(RESPONSE, 1, 11, 0, 0, Q + RR * 11),
    dns(RESPONSE, 1, 100, 0, 0, Q + RR * 100),
    dns(RESPONSE, 1, 101, 0, 0, Q + RR * 101),
    dns(RESPONSE, 1, 0, 10, 0, Q + RR * 10),
    dns(RESPONSE, 1, 0, 11, 0, Q + RR * 11),
    dns(RESPONSE, 1, 0, 0, 10, Q + RR * 10),
    dns(RESPONSE, 1, 0, 0, 11, Q + RR * 11),
    dns(RESPONSE, 2, 1, 0, 0, Q + Q + RR),
    dns(RESPONSE, 1, 0, 0, 0, Q),
    dns(QUERY | 0x40 | 5, 1, 0, 0, 0, Q),  # Z bit and an rcode on a query
    b'abcd',
    b'\0' * 13,
]

conversations = [
    [b'GET / HTTP/1.1\r\nHost: x\r\n\r\n'],
    [b'GET / HTTP/1.0\r\nHost: x\r\n\r\n'],
    [b'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n'],
    [b'HTTP/1.1\r\n\r\n'],
    [b'GET / HTTP/1.1'],
    [b'PUT /x HTTP/1.1\r\nContent-Length: 0\r\n\r\n'],
    [b'hello\r\nworld\r\n'],
    [b'GET / HTTP/2.0\r\nHost: x\r\n\r\n'],
    [b'GET /a HTTP/1.1\r\nHost: x\r\n\r\n', b'GET /b HTTP/2.0\r\nHost: x\r\n\r\n'],
]

frames = [udp(41000 + 2 * i, 41001 + 2 * i, d) for i, d in enumerate(datagrams)]
for i, payloads in enumerate(conversations):
    sp, dp = 42000 + i, 43000 + i
    cs, ss = 1000, 5000
    frames += [tcp(C, S, sp, dp, cs, 0, 0x02), tcp(S, C, dp, sp, ss, cs + 1, 0x12), tcp(C, S, sp, dp, cs + 1, ss + 1, 0x10)]
    cs += 1
    for p in payloads:
        frames.append(tcp(C, S, sp, dp, cs, ss + 1, 0x18, p))
        cs += len(p)
        frames.append(tcp(S, C, dp, sp, ss + 1, cs, 0x10))

out = struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1)
for i, f in enumerate(frames):
    out += struct.pack('<IIII', 1000 + i, 0, len(f), len(f)) + f
open('heuristics.pcap', 'wb').write(out)
