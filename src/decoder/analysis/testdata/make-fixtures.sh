#!/bin/bash
# Regenerates NAME.analysis.tsv beside each NAME.pcapng here, from tshark in two-pass mode.
# The hand-built captures are first rewritten from scenarios.ts (node >= 22.18 on PATH).
set -e
cd "$(dirname "$0")"
node --input-type=module -e "
import { writeFileSync } from 'node:fs';
const { SCENARIOS } = await import('../scenarios.ts');
const { writePcapng } = await import('../test-scenarios.ts');
for (const [name, f] of Object.entries(SCENARIOS)) writeFileSync(name + '.pcapng', writePcapng(f()));
"
args=()
while read -r f; do [ -n "$f" ] && args+=(-e "$f"); done < fields.txt
for p in *.pcapng; do
  tshark -2 -r "$p" -T fields -E header=y -E occurrence=a -E aggregator=, "${args[@]}" > "${p%.pcapng}.analysis.tsv"
done
