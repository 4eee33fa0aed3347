#!/usr/bin/env bash
# npm test: every check, in the order a failure is cheapest to find.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/node-env.sh
source scripts/node-env.sh
bash scripts/ensure-test-tools.sh
step() { echo; echo "== $*"; }
step "lint";                  bash scripts/lint.sh
step "type check";            npx astro check
step "lesson check";          node src/cli/wirebook.ts lesson check
step "unit and component tests"; npx vitest run
step "build";                 npx astro build
step "size budgets";          node scripts/size.ts
step "build under /wirebook/";  WIREBOOK_BASE=/wirebook/ WIREBOOK_OUT_DIR=./dist-base npx astro build
step "end-to-end tests in Chromium"; npx vitest run -c vitest.e2e.config.ts
