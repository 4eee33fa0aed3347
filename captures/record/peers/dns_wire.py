"""DNS message encoding shared by the responder and the client (RFC 1035 4.1)."""
import struct

TYPES = {'A': 1, 'NS': 2, 'CNAME': 5, 'SOA': 6, 'AAAA': 28}
CLASS_IN = 1


class Writer:
    """Builds a message; names are compressed against every name written so far (RFC 1035 4.1.4)."""

    def __init__(self):
        self.buf = bytearray()
        self.offsets = {}

    def u16(self, v):
        self.buf += struct.pack('!H', v)

    def u32(self, v):
        self.buf += struct.pack('!I', v)

    def name(self, name, compress=True):
        labels = [l for l in name.rstrip('.').split('.') if l]
        for i in range(len(labels)):
            suffix = '.'.join(labels[i:]).lower()
            if compress and suffix in self.offsets:
                self.u16(0xC000 | self.offsets[suffix])
                return
            if len(self.buf) < 0x3FFF:
                self.offsets[suffix] = len(self.buf)
            label = labels[i].encode('ascii')
            self.buf.append(len(label))
            self.buf += label
        self.buf.append(0)


def read_name(msg, off):
    """Returns (name, offset after the name), following compression pointers."""
    labels, end, hops = [], None, 0
    while True:
        n = msg[off]
        if n & 0xC0 == 0xC0:
            if end is None:
                end = off + 2
            off = ((n & 0x3F) << 8) | msg[off + 1]
            hops += 1
            if hops > 32:
                raise ValueError('compression loop')
            continue
        off += 1
        if n == 0:
            break
        labels.append(msg[off:off + n].decode('ascii'))
        off += n
    return '.'.join(labels), (end if end is not None else off)
