# Hand-built IPv4 and IPv6 fragments for the reassembly tests (ip-reassembly.test.ts):
#   python3 make-fragments.py fragments.pcap
#   python3 pdml2json.py fragments.pcap fragments.tshark.json -2
#   TZ=UTC tshark -r fragments.pcap -2 -T fields -E header=y -E occurrence=a -E aggregator=, \
#     -o ip.check_checksum:TRUE -o udp.check_checksum:TRUE -o tcp.check_checksum:TRUE \
#     $(head -1 fragments.fields.tsv | tr '\t' '\n' | sed 's/^/-e /') > fragments.fields.tsv.new
# Cases: in order, out of order, a duplicate before and after completion, a
# datagram never completed, a first fragment with a bad header checksum, a
# fragment cut by the snaplen, DNS and ICMP echo over fragments, IPv6 in
# order, out of order and never completed.
import struct, sys

def csum(b):
    if len(b) % 2: b += b'\0'
    s = sum(struct.unpack('>%dH' % (len(b) // 2), b))
    while s >> 16: s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff

A = bytes([10, 0, 0, 1]); B = bytes([10, 0, 0, 2])
A6 = bytes.fromhex('fd770000000000000000000000000001'); B6 = bytes.fromhex('fd770000000000000000000000000002')
MA = bytes.fromhex('020000000001'); MB = bytes.fromhex('020000000002')

def eth(t, p, src=MA, dst=MB): return dst + src + struct.pack('>H', t) + p

def ip4frag(proto, ident, off, mf, data, src=A, dst=B, badsum=False):
    h = struct.pack('>BBHHHBBH4s4s', 0x45, 0, 20 + len(data), ident, (0x2000 if mf else 0) | (off // 8), 64, proto, 0, src, dst)
    h = h[:10] + struct.pack('>H', 0xbeef if badsum else csum(h)) + h[12:]
    return eth(0x800, h + data)

def ip6frag(nxt, ident, off, mf, data, src=A6, dst=B6):
    fh = struct.pack('>BBHI', nxt, 0, off | (1 if mf else 0), ident)
    return eth(0x86dd, struct.pack('>IHBB', 0x60000000, 8 + len(data), 44, 64) + src + dst + fh + data)

def udp4(sp, dp, payload, src=A, dst=B):
    l = 8 + len(payload); h = struct.pack('>HHHH', sp, dp, l, 0)
    c = csum(src + dst + struct.pack('>BBH', 0, 17, l) + h + payload) or 0xffff
    return h[:6] + struct.pack('>H', c) + payload

def udp6(sp, dp, payload, src=A6, dst=B6):
    l = 8 + len(payload); h = struct.pack('>HHHH', sp, dp, l, 0)
    c = csum(src + dst + struct.pack('>IxxxB', l, 17) + h + payload) or 0xffff
    return h[:6] + struct.pack('>H', c) + payload

def icmp_echo(t, ident, seq, payload):
    h = struct.pack('>BBHHH', t, 0, 0, ident, seq)
    return h[:2] + struct.pack('>H', csum(h + payload)) + h[4:] + payload

def name(n): return b''.join(bytes([len(l)]) + l.encode() for l in n.split('.')) + b'\0'

def dns_txt_response(qid, n, count):
    # A response with `count` TXT records of 200 bytes each: too big for one frame.
    q = name(n) + struct.pack('>HH', 16, 1)
    rr = b''.join(b'\xc0\x0c' + struct.pack('>HHIH', 16, 1, 300, 201) + bytes([200]) + bytes(0x61 + (i + j) % 26 for j in range(200)) for i in range(count))
    return struct.pack('>HHHHHH', qid, 0x8180, 1, count, 0, 0) + q + rr

def dns_query(qid, n): return struct.pack('>HHHHHH', qid, 0x0100, 1, 0, 0, 0) + name(n) + struct.pack('>HH', 16, 1)

def split(d, n): return [(i, d[i:i + n]) for i in range(0, len(d), n)]

frames = []  # (bytes, caplen or None)
def add(f, caplen=None): frames.append((f, caplen))

pay = bytes((i * 7) & 0xff for i in range(3000))
d = udp4(5000, 5001, pay)
parts = split(d, 1480)
# 1-3 in order
for i, (o, p) in enumerate(parts): add(ip4frag(17, 0x1001, o, i < 2, p))
# 4-6 out of order: last, first, middle
for i in (2, 0, 1): o, p = parts[i]; add(ip4frag(17, 0x1002, o, i < 2, p))
# 7-11 a duplicate first fragment, then after completion a copy of the middle one
for i in (0, 0, 1, 2, 1): o, p = parts[i]; add(ip4frag(17, 0x1003, o, i < 2, p))
# 12-13 never completed: first and last
for i in (0, 2): o, p = parts[i]; add(ip4frag(17, 0x1004, o, i < 2, p))
# 14-16 the first fragment has a bad header checksum: not reassembled
for i in (0, 1, 2): o, p = parts[i]; add(ip4frag(17, 0x1005, o, i < 2, p, badsum=(i == 0)))
# 17-19 the middle fragment is cut by the snaplen
for i in (0, 1, 2): o, p = parts[i]; add(ip4frag(17, 0x1006, o, i < 2, p), caplen=100 if i == 1 else None)
# 20-22 DNS: a query, and its response in two fragments
add(eth(0x800, ip4frag(17, 0x2000, 0, False, udp4(40000, 53, dns_query(0x4242, 'big.example.com')))[14:]))
r = udp4(53, 40000, dns_txt_response(0x4242, 'big.example.com', 10), src=B, dst=A)
for i, (o, p) in enumerate(split(r, 1480)): add(ip4frag(17, 0x2001, o, o + 1480 < len(r), p, src=B, dst=A), None)
# 23-26 ICMP echo request and reply of 2000 bytes, two fragments each
e = bytes(range(256)) * 8
for t, ident, s, dd in ((8, 0x3000, A, B), (0, 0x3001, B, A)):
    m = icmp_echo(t, 0x77, 1, e[:1992])
    for o, p in split(m, 1480): add(ip4frag(1, ident, o, o + 1480 < len(m), p, src=s, dst=dd))
# 27-29 IPv6 in order
d6 = udp6(5000, 5001, pay)
parts6 = split(d6, 1448)
for i, (o, p) in enumerate(parts6): add(ip6frag(17, 0xabcd0001, o, i < 2, p))
# 30-32 IPv6 out of order
for i in (1, 2, 0): o, p = parts6[i]; add(ip6frag(17, 0xabcd0002, o, i < 2, p))
# 33 IPv6 never completed
o, p = parts6[0]; add(ip6frag(17, 0xabcd0003, o, True, p))

with open(sys.argv[1], 'wb') as f:
    f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for i, (fr, cap) in enumerate(frames):
        cap = cap or len(fr)
        f.write(struct.pack('<IIII', 1700000000 + i, 0, cap, len(fr)) + fr[:cap])
