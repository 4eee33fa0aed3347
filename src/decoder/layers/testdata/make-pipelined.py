# Writes http-pipelined.pcap: one HTTP/1.1 connection whose three responses
# (Content-Length 5, 12 and 0) share segments: frame 5 ends response 1 and
# starts response 2, frame 6 ends response 2 and starts response 3, frame 7
# ends response 3. tshark -2 shows response 1 in frame 5, 2 in 6, 3 in 7.
#   python3 make-pipelined.py
import struct

def csum(b):
    if len(b) % 2: b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    while s >> 16: s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff

def pkt(src, dst, sp, dp, seq, ack, flags, payload):
    tcp = struct.pack('!HHIIBBHHH', sp, dp, seq, ack, 5 << 4, flags, 64240, 0, 0) + payload
    ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(tcp), 1, 0x4000, 64, 6, 0, bytes(src), bytes(dst))
    ip = ip[:10] + struct.pack('!H', csum(ip)) + ip[12:]
    ph = bytes(src) + bytes(dst) + struct.pack('!BBH', 0, 6, len(tcp))
    tcp = tcp[:16] + struct.pack('!H', csum(ph + tcp)) + tcp[18:]
    return b'\x02\0\0\0\0\x02' + b'\x02\0\0\0\0\x01' + b'\x08\x00' + ip + tcp

C = [10, 0, 0, 1]; S = [10, 0, 0, 2]
r1 = b'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello'
r2 = b'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 12\r\n\r\nhello world!'
r3 = b'HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n'
stream = r1 + r2 + r3
cut1 = len(r1) + 20
cut2 = len(r1) + len(r2) + 10
frames = [
    pkt(C, S, 50000, 80, 1000, 0, 0x02, b''),
    pkt(S, C, 80, 50000, 5000, 1001, 0x12, b''),
    pkt(C, S, 50000, 80, 1001, 5001, 0x10, b''),
    pkt(C, S, 50000, 80, 1001, 5001, 0x18, b'GET / HTTP/1.1\r\nHost: x\r\n\r\n'),
]
seq = 5001
for a, b in [(0, cut1), (cut1, cut2), (cut2, len(stream))]:
    frames.append(pkt(S, C, 80, 50000, seq, 1028, 0x18, stream[a:b]))
    seq += b - a
out = struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1)
for i, f in enumerate(frames):
    out += struct.pack('<IIII', 1000 + i, 0, len(f), len(f)) + f
open('http-pipelined.pcap', 'wb').write(out)
