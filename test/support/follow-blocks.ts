// tshark's `-z follow,PROTO,ascii,N` output cut into its blocks: each a byte
// count line (node 1's indented by a tab), that many characters, and the
// newline tshark adds. Read by length, since a block's text may hold lines
// that look like counts.

export interface FollowBlock {
  dir: 'A' | 'B';
  text: string;
}

export function followBlocks(output: string): FollowBlock[] {
  const head = output.indexOf('\nNode 1: ');
  if (head < 0) throw new Error('not a follow output');
  let at = output.indexOf('\n', head + 1) + 1;
  const blocks: FollowBlock[] = [];
  for (;;) {
    const m = /^(\t?)(\d+)\n/.exec(output.slice(at, at + 24));
    if (!m) break;
    at += m[0].length;
    const n = Number(m[2]);
    blocks.push({ dir: m[1] ? 'B' : 'A', text: output.slice(at, at + n) });
    if (output[at + n] !== '\n') throw new Error(`block at ${at} is not ${n} characters long`);
    at += n + 1;
  }
  if (!output.slice(at).startsWith('=====')) throw new Error(`unread follow output at ${at}`);
  return blocks;
}
