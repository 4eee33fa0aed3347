// A small command-line parser: long and short options, repeatable options,
// "--opt=value", and errors that name the nearest valid spelling.

import { nearestName } from '../decoder/text/nearest.ts';

export interface OptionSpec {
  /** Long name without dashes ("frame"). */
  name: string;
  /** One-letter alias without the dash ("e"). */
  short?: string;
  /** Takes a value ("--frame 3"); otherwise a flag. */
  value?: boolean;
  /** May be given more than once; values are collected in order. */
  repeat?: boolean;
}

export interface Parsed {
  /** Flags are true; single values are strings; repeatable options are string arrays. */
  options: Record<string, string | boolean | string[]>;
  positionals: string[];
}

/** A usage problem: the CLI prints it with a hint and exits 2. */
export class UsageError extends Error {}

/** The closest candidate when it is close enough to be a likely typo (a third of its length, at least 2 edits). */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  return nearestName(word, candidates, Math.max(2, Math.floor(word.length / 3)));
}

export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[], command: string): Parsed {
  const options: Parsed['options'] = {};
  const positionals: string[] = [];
  const byLong = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const spellings = specs.flatMap((s) => (s.short ? [`--${s.name}`, `-${s.short}`] : [`--${s.name}`]));

  const store = (spec: OptionSpec, value: string | boolean) => {
    if (spec.repeat) {
      const list = (options[spec.name] as string[] | undefined) ?? [];
      list.push(value as string);
      options[spec.name] = list;
    } else {
      options[spec.name] = value;
    }
  };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    let spec: OptionSpec | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      if (eq >= 0) inline = arg.slice(eq + 1);
      spec = byLong.get(name);
    } else {
      spec = byShort.get(arg[1]);
      if (spec && arg.length > 2) inline = arg.slice(2); // -etcp.port
    }
    if (!spec) {
      const guess = nearest(arg.split('=')[0], spellings);
      throw new UsageError(`unknown option '${arg}' for '${command}'${guess ? ` (did you mean '${guess}'?)` : ''}`);
    }
    if (!spec.value) {
      if (inline !== undefined) throw new UsageError(`option '--${spec.name}' takes no value`);
      store(spec, true);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(`option '${arg}' needs a value`);
    store(spec, value);
  }
  return { options, positionals };
}
