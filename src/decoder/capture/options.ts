// pcapng options: a list of (code, length, value padded to 4 bytes), ended by
// opt_endofopt or by the end of the block. Read generically; callers pick codes.

export interface PcapngOption {
  code: number;
  value: Uint8Array;
}

/** Option codes that mean the same thing in every block. */
const OPT_ENDOFOPT = 0;
const OPT_COMMENT = 1;

export interface OptionsRead {
  options: PcapngOption[];
  /** Set when an option runs past the end of the block. */
  error?: { message: string; at: number };
}

const utf8 = new TextDecoder('utf-8');

/** An option's text (UTF-8), without the NUL terminators some writers add. */
export function optionText(value: Uint8Array): string {
  let end = value.length;
  while (end > 0 && value[end - 1] === 0) end--;
  return utf8.decode(value.subarray(0, end));
}

/** Reads options from b[start, end); `at` positions in errors are indexes into b. */
export function readOptions(b: Uint8Array, start: number, end: number, le: boolean): OptionsRead {
  const options: PcapngOption[] = [];
  let p = start;
  while (end - p >= 4) {
    const code = le ? b[p] | (b[p + 1] << 8) : (b[p] << 8) | b[p + 1];
    const len = le ? b[p + 2] | (b[p + 3] << 8) : (b[p + 2] << 8) | b[p + 3];
    if (code === OPT_ENDOFOPT) break;
    if (len > end - p - 4) {
      return {
        options,
        error: { message: `option ${code} claims ${len} bytes but only ${end - p - 4} remain in the block`, at: p },
      };
    }
    options.push({ code, value: b.subarray(p + 4, p + 4 + len) });
    p += 4 + ((len + 3) & ~3);
  }
  return { options };
}

/** The opt_comment values among options, in order. */
export function commentsOf(options: PcapngOption[]): string[] {
  const out: string[] = [];
  for (const o of options) if (o.code === OPT_COMMENT) out.push(optionText(o.value));
  return out;
}

/** The first option with this code, as text. */
export function textOption(options: PcapngOption[], code: number): string | undefined {
  for (const o of options) if (o.code === code) return optionText(o.value);
  return undefined;
}
