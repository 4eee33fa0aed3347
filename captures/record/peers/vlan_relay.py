#!/usr/bin/env python3
"""An 802.1Q tagging relay between a tap device and an Ethernet interface.

usage: vlan_relay.py TAP IFACE VID

Stands in for a VLAN sub-interface where the kernel has no 8021q support:
the host's IP stack uses TAP (an existing tap device), and every frame it
sends leaves IFACE with an 802.1Q tag for VID inserted after the MAC
addresses (priority 0, DEI 0). Frames arriving on IFACE tagged with VID go
to TAP without their tag; others are ignored (the kernel itself drops
tagged frames it has no VLAN device for). The kernel takes an incoming tag
out of the frame into packet metadata, so it is read from PACKET_AUXDATA.
Prints "ready" once attached; runs until killed.
"""
import fcntl
import os
import select
import socket
import struct
import sys

TUNSETIFF = 0x400454CA
IFF_TAP = 0x0002
IFF_NO_PI = 0x1000
ETH_P_ALL = 0x0003
ETH_P_8021Q = 0x8100
SOL_PACKET = 263
PACKET_AUXDATA = 8
PACKET_OUTGOING = 4
TP_STATUS_VLAN_VALID = 0x10


def open_tap(name):
    fd = os.open('/dev/net/tun', os.O_RDWR)
    fcntl.ioctl(fd, TUNSETIFF, struct.pack('16sH', name.encode(), IFF_TAP | IFF_NO_PI))
    return fd


def tag(frame, vid):
    return frame[:12] + struct.pack('!HH', ETH_P_8021Q, vid & 0x0FFF) + frame[12:]


def received_vid(ancdata):
    """The VLAN ID the kernel took out of the frame, or None."""
    for level, kind, data in ancdata:
        if level == SOL_PACKET and kind == PACKET_AUXDATA:
            status, _len, _snap, _mac, _net, tci, _tpid = struct.unpack('IIIHHHH', data[:20])
            if status & TP_STATUS_VLAN_VALID:
                return tci & 0x0FFF
    return None


def main(argv):
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    tap_name, iface, vid = argv[1], argv[2], int(argv[3])
    tap = open_tap(tap_name)
    sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
    sock.setsockopt(SOL_PACKET, PACKET_AUXDATA, 1)
    sock.bind((iface, ETH_P_ALL))
    print('ready', flush=True)
    while True:
        readable, _, _ = select.select([tap, sock], [], [])
        if tap in readable:
            sock.send(tag(os.read(tap, 65535), vid))
        if sock in readable:
            frame, anc, _flags, addr = sock.recvmsg(65535, socket.CMSG_SPACE(32))
            if addr[2] == PACKET_OUTGOING:
                continue
            if received_vid(anc) == vid:
                os.write(tap, frame)


if __name__ == '__main__':
    sys.exit(main(sys.argv))
