#!/usr/bin/env bash
# npm run lint: formatting and lint rules (biome.jsonc), then files, exports and
# dependencies nothing uses (knip.jsonc). Unused locals and parameters are the
# type check's (tsconfig.json). `npx biome check --write .` fixes what it can.
set -euo pipefail
cd "$(dirname "$0")/.."
npx biome check --max-diagnostics=50 .
npx knip --no-progress
