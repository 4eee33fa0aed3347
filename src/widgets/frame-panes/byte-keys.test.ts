import { describe, expect, it } from 'vitest';
import { byteKey } from './byte-keys.ts';

// 66 bytes (a TCP SYN of tcp-http.pcapng) in lines of 16: the last line holds bytes 64 and 65.
const key = (k: string, cursor: number, ctrl = false, perLine = 16) => byteKey(k, ctrl, cursor, perLine, 66);

describe('bytes pane keys', () => {
  it('moves one byte sideways and one line up or down', () => {
    expect(key('ArrowRight', 34)).toBe(35);
    expect(key('ArrowLeft', 34)).toBe(33);
    expect(key('ArrowDown', 36)).toBe(52);
    expect(key('ArrowUp', 36)).toBe(20);
    expect(key('ArrowDown', 36, false, 8)).toBe(44);
  });

  it('stays within the bytes', () => {
    expect(key('ArrowLeft', 0)).toBe(0);
    expect(key('ArrowUp', 3)).toBe(0);
    expect(key('ArrowDown', 60)).toBe(65);
    expect(key('PageDown', 10)).toBe(65);
  });

  it('Home and End go to the ends of the line, or of the bytes with Ctrl', () => {
    expect(key('Home', 37)).toBe(32);
    expect(key('End', 37)).toBe(47);
    expect(key('End', 64)).toBe(65);
    expect(key('Home', 37, true)).toBe(0);
    expect(key('End', 37, true)).toBe(65);
  });

  it('leaves other keys, and an empty pane, alone', () => {
    expect(key('Tab', 3)).toBeUndefined();
    expect(byteKey('ArrowRight', false, 0, 16, 0)).toBeUndefined();
  });
});
