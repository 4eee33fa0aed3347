// YAML text as plain data, typed the way YAML 1.2's core schema types it (the
// schema Astro's content loader reads sidecars and glossary entries with), so
// that code and tests reading those files see what the site sees. Only plain
// scalars are typed; quoted and block scalars stay strings. The capture specs
// want every scalar as text and keep using yaml-lite's nodes directly.

import { parseYaml, type YamlNode } from './yaml-lite.ts';

type Data = null | boolean | number | string | Data[] | { [key: string]: Data };

// YAML 1.2.2, 10.3.2 "Tag Resolution" (core schema).
const NULL = /^(?:null|Null|NULL|~)$/;
const TRUE = /^(?:true|True|TRUE)$/;
const FALSE = /^(?:false|False|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INF = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;

/** A plain scalar's value under the core schema. */
export function plainScalar(text: string): Data {
  if (NULL.test(text)) return null;
  if (TRUE.test(text)) return true;
  if (FALSE.test(text)) return false;
  if (INT.test(text) || FLOAT.test(text)) return Number(text);
  if (OCT.test(text)) return Number.parseInt(text.slice(2), 8);
  if (HEX.test(text)) return Number.parseInt(text.slice(2), 16);
  if (INF.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (NAN.test(text)) return Number.NaN;
  return text;
}

function yamlValue(node: YamlNode): Data {
  if (node.kind === 'scalar') return node.style === 'plain' ? plainScalar(node.text) : node.text;
  if (node.kind === 'seq') return node.items.map(yamlValue);
  return Object.fromEntries(node.entries.map((e) => [e.key, yamlValue(e.value)]));
}

/** Reads `text` (from `where`, for the message) as data; throws with the line and column of YAML outside the subset. */
export function readYaml(text: string, where: string): unknown {
  const r = parseYaml(text);
  if (r.problem) throw new Error(`${where}:${r.problem.line}:${r.problem.col}: ${r.problem.message}`);
  return yamlValue(r.node);
}
