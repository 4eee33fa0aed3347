// Typed readers for spec values: each checks its node's kind, type and range
// and throws a SpecProblem at the node's line and column otherwise.

import type { YamlEntry, YamlMap, YamlNode, YamlScalar } from '../../lib/yaml/yaml-lite.ts';
import { entry } from '../../lib/yaml/yaml-lite.ts';

export class SpecProblem {
  line: number;
  col: number;
  message: string;
  constructor(at: { line: number; col: number }, message: string) {
    this.line = at.line;
    this.col = at.col;
    this.message = message;
  }
}

export const fail = (at: { line: number; col: number }, message: string): never => {
  throw new SpecProblem(at, message);
};

export function map(node: YamlNode, what: string): YamlMap {
  return node.kind === 'map' ? node : fail(node, `${what} must be a mapping (key: value lines or {key: value})`);
}
export function scalar(node: YamlNode, what: string): YamlScalar {
  return node.kind === 'scalar' ? node : fail(node, `${what} must be a single value, not a ${node.kind === 'map' ? 'mapping' : 'sequence'}`);
}
export function list(node: YamlNode, what: string): YamlNode[] {
  return node.kind === 'seq' ? node.items : fail(node, `${what} must be a sequence ([a, b] or '- ' lines)`);
}

/** Refuses keys the reader does not know, naming the ones it does. */
export function onlyKeys(m: YamlMap, what: string, known: readonly string[]): void {
  for (const e of m.entries) if (!known.includes(e.key)) fail(e, `unknown key '${e.key}' in ${what}: known keys are ${known.join(', ')}`);
}

export function need(m: YamlMap, key: string, what: string): YamlEntry {
  return entry(m, key) ?? fail(m, `${what} needs '${key}'`);
}

/** An unsigned integer, decimal or 0x hex, within [0, max]. */
export function int(node: YamlNode, what: string, max: number): number {
  const s = scalar(node, what);
  const t = s.text;
  const ok = s.style === 'plain' && (/^(0|[1-9]\d*)$/.test(t) || /^0x[0-9a-fA-F]+$/.test(t));
  const v = ok ? Number(t) : NaN;
  if (!ok || v > max) fail(s, `${what} must be a whole number from 0 to ${max} (decimal or 0x hex), found '${t}'`);
  return v;
}
export function bool(node: YamlNode, what: string): boolean {
  const s = scalar(node, what);
  if (s.style === 'plain' && (s.text === 'true' || s.text === 'false')) return s.text === 'true';
  return fail(s, `${what} must be true or false, found '${s.text}'`);
}
export function text(node: YamlNode, what: string): string {
  return scalar(node, what).text;
}
export function parsed<T>(node: YamlNode, what: string, parse: (t: string) => T | undefined, form: string): T {
  const s = scalar(node, what);
  return parse(s.text) ?? fail(s, `${what} must be ${form}, found '${s.text}'`);
}
export const optInt = (m: YamlMap, key: string, what: string, max: number) => {
  const e = entry(m, key);
  return e ? int(e.value, `${what}.${key}`, max) : undefined;
};
