import { describe, expect, it } from 'vitest';
import { frameData, readCapture } from './read.ts';
import { Bytes, block, concat, epb, hex, idb, opb, payload, shb, spb } from './testkit.ts';

const T = 1795616249_373685907n; // ns

describe('pcapng reader', () => {
  for (const le of [true, false]) {
    it(`reads SHB, IDB and EPBs (${le ? 'little' : 'big'}-endian), default microsecond resolution`, () => {
      const file = concat(
        shb(le, [
          [1, 'file note'],
          [2, 'hw'],
          [3, 'os'],
          [4, 'app'],
        ]),
        idb(le, 1, 262144, [
          [2, 'eth0'],
          [3, 'first port'],
          [12, 'Linux'],
          [15, 'nic'],
          [1, 'iface note'],
        ]),
        epb(le, 0, 1795616249_373685n, payload(60, 1)),
        epb(le, 0, 1795616249_373686n, payload(3, 2), [], 1514),
      );
      const r = readCapture(file);
      expect(r.error).toBeUndefined();
      expect(r.format).toBe('pcapng');
      expect(r.sections).toEqual([
        { offset: 0, byteOrder: le ? 'little' : 'big', version: '1.0', hardware: 'hw', os: 'os', userAppl: 'app', comments: ['file note'] },
      ]);
      expect(r.interfaces[0]).toMatchObject({
        id: 0,
        section: 0,
        localId: 0,
        linkType: 1,
        linkTypeName: 'Ethernet',
        snapLen: 262144,
        tsUnitsPerSecond: 1_000_000n,
        tsOffsetSeconds: 0n,
        name: 'eth0',
        description: 'first port',
        os: 'Linux',
        hardware: 'nic',
        comments: ['iface note'],
      });
      expect(r.frames.map((f) => [f.number, f.capLen, f.origLen, f.timestamp, f.linkType, f.interfaceId])).toEqual([
        [1, 60, 60, 1795616249_373685000n, 1, 0],
        [2, 3, 1514, 1795616249_373686000n, 1, 0],
      ]);
      expect(hex(frameData(file, r.frames[0]))).toBe(hex(payload(60, 1)));
      expect(hex(frameData(file, r.frames[1]))).toBe(hex(payload(3, 2)));
    });
  }

  it('honours if_tsresol in power-of-10 and power-of-2 forms', () => {
    const file = concat(
      shb(true),
      idb(true, 1, 0, [[9, Uint8Array.of(9)]]), // ns
      idb(true, 1, 0, [[9, Uint8Array.of(3)]]), // ms
      idb(true, 1, 0, [[9, Uint8Array.of(0x8a)]]), // 2^-10 s
      idb(true, 1, 0, [[9, Uint8Array.of(12)]]), // ps: finer than ns, truncated
      idb(true, 1, 0, [[9, Uint8Array.of(0x80)]]), // whole seconds
      epb(true, 0, T, payload(4)),
      epb(true, 1, 1795616249_373n, payload(4)),
      epb(true, 2, (1795616249n << 10n) | 3n, payload(4)), // + 3/1024 s
      epb(true, 3, 1_234_567_890_123_999n, payload(4)),
      epb(true, 4, 1795616249n, payload(4)),
    );
    const r = readCapture(file);
    expect(r.error).toBeUndefined();
    expect(r.interfaces.map((i) => i.tsUnitsPerSecond)).toEqual([10n ** 9n, 1000n, 1024n, 10n ** 12n, 1n]);
    expect(r.interfaces.map((i) => i.tsResol)).toEqual([9, 3, 0x8a, 12, 0x80]);
    expect(r.frames.map((f) => f.timestamp)).toEqual([
      T,
      1795616249_373000000n,
      1795616249_002929687n, // 3/1024 s = 2929687.5 ns, truncated
      1_234_567_890_123n,
      1795616249_000000000n,
    ]);
  });

  it('adds if_tsoffset (signed seconds) to timestamps', () => {
    const off = (v: bigint) => new Bytes(true).u64(v).bytes();
    const file = concat(
      shb(true),
      idb(true, 1, 0, [
        [14, off(1000n)],
        [9, Uint8Array.of(9)],
      ]),
      idb(true, 1, 0, [[14, off(-5n)]]),
      epb(true, 0, 7n, payload(1)),
      epb(true, 1, 1_000_001n, payload(1)),
    );
    const r = readCapture(file);
    expect(r.interfaces.map((i) => i.tsOffsetSeconds)).toEqual([1000n, -5n]);
    expect(r.frames.map((f) => f.timestamp)).toEqual([1000_000000007n, -5_000_000_000n + 1_000_001_000n]);
  });

  it('reads several sections, each with its own interfaces and byte order', () => {
    const file = concat(
      shb(true),
      idb(true, 1, 0, [[2, 'a0']]),
      idb(true, 113, 0, [[2, 'a1']]),
      epb(true, 1, 1n, payload(5, 1)),
      epb(true, 0, 2n, payload(5, 2)),
      shb(false, [[1, 'second']]),
      idb(false, 101, 0, [
        [2, 'b0'],
        [9, Uint8Array.of(9)],
      ]),
      epb(false, 0, 3n, payload(5, 3)),
      shb(true),
      idb(true, 276, 0),
      spb(true, 5, payload(5, 4)),
    );
    const r = readCapture(file);
    expect(r.error).toBeUndefined();
    expect(r.sections.map((s) => [s.byteOrder, s.comments])).toEqual([
      ['little', []],
      ['big', ['second']],
      ['little', []],
    ]);
    expect(r.interfaces.map((i) => [i.id, i.section, i.localId, i.linkType, i.name])).toEqual([
      [0, 0, 0, 1, 'a0'],
      [1, 0, 1, 113, 'a1'],
      [2, 1, 0, 101, 'b0'],
      [3, 2, 0, 276, undefined],
    ]);
    expect(r.frames.map((f) => [f.number, f.interfaceId, f.linkType, f.timestamp, frameData(file, f)[0]])).toEqual([
      [1, 1, 113, 1000n, 1],
      [2, 0, 1, 2000n, 2],
      [3, 2, 101, 3n, 3],
      [4, 3, 276, 0n, 4],
    ]);
  });

  it('keeps packet comments (UTF-8, several, any length) and ignores other options', () => {
    const file = concat(
      shb(true),
      idb(true, 1, 0),
      epb(true, 0, 1n, payload(7), [
        [2, Uint8Array.of(0, 0, 0, 1)],
        [1, 'première'],
        [1, ''],
        [1, 'abcd'],
        [1, '日本'],
      ]),
      epb(true, 0, 2n, payload(8), [[1, 'x\0\0']]),
      epb(true, 0, 3n, payload(9), [[2988, Uint8Array.of(0, 0, 0x7e, 0x0b, 1)]]),
    );
    const r = readCapture(file);
    expect(r.error).toBeUndefined();
    expect(r.frames.map((f) => f.comments)).toEqual([['première', '', 'abcd', '日本'], ['x'], []]);
    expect(r.frames.map((f) => f.capLen)).toEqual([7, 8, 9]);
  });

  it('reads Simple Packet Blocks with interface 0 snap length', () => {
    const file = concat(shb(true), idb(true, 1, 64), spb(true, 100, payload(64)), spb(true, 40, payload(40)));
    const r = readCapture(file);
    expect(r.error).toBeUndefined();
    expect(r.frames.map((f) => [f.capLen, f.origLen, f.timestamp, f.interfaceId])).toEqual([
      [64, 100, 0n, 0],
      [40, 40, 0n, 0],
    ]);
    expect(r.frames[0].dataOffset).toBe(r.frames[0].dataOffset);
    expect(hex(frameData(file, r.frames[1]))).toBe(hex(payload(40)));
    // Snap length 0 means no limit: the whole packet is in the block.
    const r0 = readCapture(concat(shb(true), idb(true, 1, 0), spb(true, 100, payload(100))));
    expect(r0.frames[0].capLen).toBe(100);
  });

  it('reads obsolete Packet Blocks (type 2) with comments', () => {
    const file = concat(shb(false), idb(false, 1, 0), idb(false, 101, 0), opb(false, 1, 5n, payload(20), [[1, 'old']]));
    const r = readCapture(file);
    expect(r.error).toBeUndefined();
    expect(r.frames[0]).toMatchObject({ interfaceId: 1, linkType: 101, capLen: 20, timestamp: 5000n, comments: ['old'] });
  });

  it('skips NRB, ISB, secrets and unknown blocks by their length; numbers custom blocks as frames', () => {
    const file = concat(
      shb(true),
      block(true, 4, new Bytes(true).u16(1).u16(8).raw([127, 0, 0, 1]).raw([0x6c, 0x6f, 0, 0]).u32(0).bytes()),
      idb(true, 1, 0),
      epb(true, 0, 1n, payload(3)),
      block(true, 5, new Bytes(true).u32(0).u32(0).u32(0).bytes()),
      block(true, 0x0a, new Bytes(true).u32(0x544c534b).u32(0).bytes()),
      block(true, 0x00000bad, new Bytes(true).u32(32473).raw([1, 2, 3]).bytes()),
      block(true, 0x40000bad, new Bytes(true).u32(1).bytes()),
      block(true, 0x12345678, payload(33)),
      epb(true, 0, 2n, payload(4)),
    );
    const r = readCapture(file);
    expect(r.error).toBeUndefined();
    // As tshark: a custom block's length is its data padded to 32 bits, and it has no time.
    expect(r.frames.map((f) => f.capLen)).toEqual([3, 4, 0, 4]);
    expect(r.frames.map((f) => f.block)).toEqual([undefined, { kind: 'custom', pen: 32473, copy: true }, { kind: 'custom', pen: 1, copy: false }, undefined]);
    expect(r.frames.map((f) => f.noTime)).toEqual([undefined, true, true, undefined]);
  });

  describe('damage', () => {
    const good = concat(shb(true), idb(true, 1, 0), epb(true, 0, 1n, payload(10)));
    const at = good.length; // where the damaged block starts
    const cases: Array<[string, Uint8Array, RegExp]> = [
      ['unknown interface', epb(true, 3, 1n, payload(4)), /names interface 3, but its section has 1 interface/],
      [
        'length not a multiple of 4',
        (() => {
          const b = epb(true, 0, 1n, payload(4));
          b[4] += 2;
          return b;
        })(),
        /not a multiple of 4/,
      ],
      [
        'trailing length mismatch',
        (() => {
          const b = epb(true, 0, 1n, payload(4));
          b[b.length - 4] += 4;
          return b;
        })(),
        /total length 36 at its start but 40 at its end/,
      ],
      ['absurd length', new Bytes(true).u32(6).u32(0xfffffff0).u32(0).bytes(), /claims 4294967280 bytes, absurdly large/],
      ['length below minimum', new Bytes(true).u32(6).u32(12).u32(12).bytes(), /less than the minimum 32/],
      [
        'captured length larger than the block',
        (() => {
          const b = epb(true, 0, 1n, payload(4));
          b[20] = 200;
          return b;
        })(),
        /claims 200 captured bytes, but the 36-byte block holds at most 4/,
      ],
      ['option running past the block', epb(true, 0, 1n, payload(4), [[1, 'abcd']]).map((x, i) => (i === 34 ? 40 : x)), /option 1 claims 40 bytes/],
      ['SPB without an interface', concat(shb(true), spb(true, 4, payload(4))), /no interface/],
      ['bad byte-order magic', shb(true).map((x, i) => (i === 8 ? 0 : x)), /byte-order magic 0x003c2b1a, expected 0x1a2b3c4d/],
    ];
    for (const [name, tail, message] of cases) {
      it(`${name}: frames before it, one error at the block`, () => {
        const r = readCapture(concat(good, tail, epb(true, 0, 9n, payload(4))));
        expect(r.frames).toHaveLength(1);
        expect(r.error?.message).toMatch(message);
        expect(r.error?.offset).toBeGreaterThanOrEqual(at);
      });
    }

    it('a cut block is reported with its type, size and offset', () => {
      const whole = concat(good, epb(true, 0, 2n, payload(100)));
      const r = readCapture(whole.subarray(0, whole.length - 1));
      expect(r.frames).toHaveLength(1);
      expect(r.error).toEqual({
        offset: at,
        message: `file ends inside a 132-byte Enhanced Packet Block at offset ${at}: only 131 bytes present`,
      });
      expect(readCapture(whole.subarray(0, at + 5)).error?.message).toBe(`file ends inside a block header at offset ${at}: 5 of at least 12 bytes present`);
    });

    it('rejects pcapng major version 2', () => {
      const s = shb(true);
      s[12] = 2;
      const r = readCapture(concat(s, idb(true, 1, 0)));
      expect(r.error).toEqual({ offset: 0, message: expect.stringMatching(/version 2\.0; only 1\.x/) });
    });
  });
});
