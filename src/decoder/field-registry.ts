// Every protocol and field the decoder knows, listed here explicitly: each protocol's table, the
// analysis fields, the expert items and the _ws fields that belong to no protocol table. Name
// lookups (`fields -e`, display filters) and their "did you mean" hints read this list, so they
// know every field from the first call, whatever modules happen to be loaded.
import { ANALYSIS_SPECS } from './analysis/field-specs.ts';
import { EXPERT_SPECS } from './fields/expert-fields.ts';
import type { FieldSpec } from './fields/spec.ts';
import { protocolTables } from './layers/index.ts';
import { malformedFields } from './layers/malformed.ts';
import { tcpSegmentFields } from './layers/tcp-segment.ts';

/** The field lists, in one place. Built on first use: the tables' modules may still be loading when this one is. */
function fieldLists(): readonly (readonly FieldSpec[])[] {
  return [
    ...Object.values(protocolTables).map((t) => Object.values(t.fields)),
    ANALYSIS_SPECS,
    EXPERT_SPECS,
    Object.values(malformedFields),
    Object.values(tcpSegmentFields),
  ];
}

let index: Map<string, FieldSpec[]> | undefined;

function byName(): Map<string, FieldSpec[]> {
  if (index) return index;
  const seen = new Set<FieldSpec>();
  index = new Map();
  for (const list of fieldLists()) {
    for (const spec of list) {
      if (seen.has(spec)) continue;
      seen.add(spec);
      const same = index.get(spec.name);
      if (same) same.push(spec);
      else index.set(spec.name, [spec]);
    }
  }
  // A name defined in several places keeps its definitions in the order they were made.
  for (const specs of index.values()) specs.sort((a, b) => a.id - b.id);
  return index;
}

/** Every spec registered under a display-filter name (a name may be defined in more than one place). */
export function fieldsByName(name: string): readonly FieldSpec[] {
  return byName().get(name) ?? [];
}

/** Every registered spec. */
export function allFieldSpecs(): FieldSpec[] {
  return [...byName().values()].flat();
}

let names: readonly string[] | undefined;

/** Every name a display filter or `-e` accepts as a field or protocol ("tcp", "tcp.stream"). */
export function knownNames(): readonly string[] {
  names ??= [...new Set([...Object.values(protocolTables).map((t) => t.filter), ...byName().keys()])];
  return names;
}
