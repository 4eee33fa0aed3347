#!/usr/bin/env bash
# Runs a command with Node >= 22.18 on PATH (installing Node 24 into .cache/node
# first when the system Node is older), so `npm run dev` and `npm test` work on
# a machine that ships an older Node.
set -euo pipefail
# shellcheck source=scripts/node-env.sh
source "$(dirname "$0")/node-env.sh"
exec "$@"
