// Runs the CLI in memory for tests: exit code, standard output and standard error.
import { main } from './main.ts';
import { memoryOutput } from './output.ts';

export function runCli(...argv: string[]): { code: number; out: string; err: string } {
  const out = memoryOutput();
  const err: string[] = [];
  const code = main(argv, { out, err: (l) => void err.push(l) });
  return { code, out: out.text(), err: err.join('\n') };
}
