#!/usr/bin/env python3
"""A fixed one-way delay for every packet routed through a TUN device.

usage: delay_relay.py TUN DELAY_MS

Stands in for netem's delay where the kernel has no sch_netem: the router's
routing sends forwarded packets into TUN (an existing tun device, no packet
information header), this program holds each one for DELAY_MS milliseconds
and writes it back, and the kernel forwards it again as if it had arrived on
TUN. Packets leave in the order they came, so the delay adds no reordering.
Prints "ready" once attached; runs until killed.
"""
import collections
import fcntl
import os
import select
import struct
import sys
import time

TUNSETIFF = 0x400454CA
IFF_TUN = 0x0001
IFF_NO_PI = 0x1000


def open_tun(name):
    fd = os.open('/dev/net/tun', os.O_RDWR)
    fcntl.ioctl(fd, TUNSETIFF, struct.pack('16sH', name.encode(), IFF_TUN | IFF_NO_PI))
    return fd


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    tun = open_tun(argv[1])
    delay = float(argv[2]) / 1000
    held = collections.deque()
    print('ready', flush=True)
    while True:
        timeout = max(0.0, held[0][0] - time.monotonic()) if held else None
        readable, _, _ = select.select([tun], [], [], timeout)
        if readable:
            held.append((time.monotonic() + delay, os.read(tun, 65536)))
        now = time.monotonic()
        while held and held[0][0] <= now:
            os.write(tun, held.popleft()[1])


if __name__ == '__main__':
    sys.exit(main(sys.argv))
