#!/bin/sh
# Rebuilds every capture in this folder from its spec:
#   NAME.spec.yaml -> NAME.pcapng
# The output is deterministic: the same spec always gives the same bytes
# (src/decoder/build/rebuilt-captures.test.ts checks the committed files).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
for spec in "$here"/*.spec.yaml; do
  name=$(basename "$spec" .spec.yaml)
  node "$root/src/cli/wirebook.ts" capture build "$spec" -o "$here/$name.pcapng"
done
