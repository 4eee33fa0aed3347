#!/usr/bin/env python3
"""One end of a TCP connection on the real kernel stack, driven by a list of steps.

usage: tcp_peer.py listen|connect ADDR PORT [options] [STEP...]

options
  --rcvbuf N            SO_RCVBUF before listen/connect (a small window)
  --sndbuf N            SO_SNDBUF
  --nodelay             TCP_NODELAY (no Nagle)
  --keepalive I,V,C     SO_KEEPALIVE with TCP_KEEPIDLE I s, TCP_KEEPINTVL V s, TCP_KEEPCNT C
  --expect-refused      connect: a refused connection (RST) is the expected outcome
  --congestion NAME     TCP_CONGESTION (e.g. cubic); prints the algorithm in use once connected

steps, run in order once connected
  send=N                N bytes of filler text
  sendfile=NAME         the bytes of peers/data/NAME
  sendhttp=N            an HTTP/1.1 200 response with an N-byte filler body (keep-alive)
  recv=N                read exactly N bytes
  recvall               read until the peer closes (FIN or RST)
  recvhttp              read one HTTP/1.x message (headers and Content-Length body)
  sleep=S               wait S seconds
  shutdown              send FIN (half close); reading still works
  close                 orderly close (FIN)
  abort                 close with SO_LINGER {on, 0}: the kernel sends RST

A listener prints "ready" once it listens, then serves one connection.
"""
import os
import socket
import struct
import sys
import time

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data')
FILLER = b'Wirebook bulk data: every byte here is a real byte on a real wire.\n'


def filler(n):
    reps = n // len(FILLER) + 1
    return (FILLER * reps)[:n]


def print_congestion(sock, opts):
    """With --congestion, says which algorithm the socket really uses."""
    if opts.get('congestion'):
        algo = sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_CONGESTION, 16).split(b'\0')[0].decode()
        print(f'congestion {algo}', flush=True)


def recv_exact(sock, n):
    got = bytearray()
    while len(got) < n:
        chunk = sock.recv(min(65536, n - len(got)))
        if not chunk:
            raise SystemExit(f'tcp_peer: peer closed after {len(got)} of {n} bytes')
        got += chunk
    return bytes(got)


def recv_all(sock):
    """Reads until the peer closes, with FIN or with RST (an abortive close ends reading too)."""
    total = 0
    while True:
        try:
            chunk = sock.recv(65536)
        except ConnectionResetError:
            print('reset by peer', flush=True)
            return total
        if not chunk:
            return total
        total += len(chunk)


def recv_http(sock):
    head = bytearray()
    while b'\r\n\r\n' not in head:
        chunk = sock.recv(1)
        if not chunk:
            raise SystemExit('tcp_peer: peer closed inside HTTP headers')
        head += chunk
    length = 0
    for line in head.decode('latin-1').split('\r\n'):
        name, _, value = line.partition(':')
        if name.strip().lower() == 'content-length':
            length = int(value.strip())
    skip_exact(sock, length)
    return len(head) + length


def skip_exact(sock, n):
    """Reads and drops exactly N bytes: a body of any size without holding it in memory."""
    left = n
    while left > 0:
        chunk = sock.recv(min(1 << 20, left))
        if not chunk:
            raise SystemExit(f'tcp_peer: peer closed after {n - left} of {n} bytes')
        left -= len(chunk)


# Whole copies of FILLER, so consecutive chunks continue the same text as filler(n).
CHUNK = len(FILLER) * 16384


def send_filler(sock, n, head=b''):
    """Sends HEAD and then filler(N) in chunks: a body of any size without building it whole."""
    first = min(n, CHUNK)
    sock.sendall(head + filler(first))
    chunk = filler(CHUNK)
    sent = first
    while sent < n:
        k = min(CHUNK, n - sent)
        sock.sendall(chunk if k == CHUNK else chunk[:k])
        sent += k


def configure(sock, opts):
    if opts.get('rcvbuf'):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, opts['rcvbuf'])
    if opts.get('sndbuf'):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, opts['sndbuf'])
    if opts.get('nodelay'):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    if opts.get('congestion'):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_CONGESTION, opts['congestion'].encode('ascii'))
    if opts.get('keepalive'):
        idle, intvl, cnt = opts['keepalive']
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, idle)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL, intvl)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT, cnt)


def run_steps(sock, steps):
    closed = False
    for step in steps:
        verb, _, arg = step.partition('=')
        if verb == 'send':
            send_filler(sock, int(arg))
        elif verb == 'sendfile':
            with open(os.path.join(DATA, arg), 'rb') as f:
                sock.sendall(f.read())
        elif verb == 'sendhttp':
            n = int(arg)
            head = f'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {n}\r\n\r\n'
            send_filler(sock, n, head.encode('ascii'))
        elif verb == 'recv':
            recv_exact(sock, int(arg))
        elif verb == 'recvall':
            recv_all(sock)
        elif verb == 'recvhttp':
            recv_http(sock)
        elif verb == 'sleep':
            time.sleep(float(arg))
        elif verb == 'shutdown':
            sock.shutdown(socket.SHUT_WR)
        elif verb == 'close':
            sock.close()
            closed = True
        elif verb == 'abort':
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
            sock.close()
            closed = True
        else:
            raise SystemExit(f'tcp_peer: unknown step {step!r}')
        print(f'done {step}', flush=True)
    if not closed:
        sock.close()


def main(argv):
    if len(argv) < 3 or argv[0] not in ('listen', 'connect'):
        sys.stderr.write(__doc__)
        return 2
    role, addr, port = argv[0], argv[1], int(argv[2])
    opts, steps = {}, []
    args = iter(argv[3:])
    for a in args:
        if a in ('--rcvbuf', '--sndbuf'):
            opts[a[2:]] = int(next(args))
        elif a == '--nodelay':
            opts['nodelay'] = True
        elif a == '--keepalive':
            opts['keepalive'] = [int(x) for x in next(args).split(',')]
        elif a == '--expect-refused':
            opts['expect_refused'] = True
        elif a == '--congestion':
            opts['congestion'] = next(args)
        else:
            steps.append(a)
    family = socket.AF_INET6 if ':' in addr else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    configure(sock, opts)
    if role == 'listen':
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((addr, port))
        sock.listen(1)
        print('ready', flush=True)
        conn, peer = sock.accept()
        sock.close()
        print(f'accepted {peer[0]} {peer[1]}', flush=True)
        print_congestion(conn, opts)
        run_steps(conn, steps)
        return 0
    try:
        sock.connect((addr, port))
    except ConnectionRefusedError:
        print('refused', flush=True)
        return 0 if opts.get('expect_refused') else 1
    if opts.get('expect_refused'):
        print('connected, but a refusal was expected', flush=True)
        return 1
    print(f'connected from port {sock.getsockname()[1]}', flush=True)
    print_congestion(sock, opts)
    run_steps(sock, steps)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
