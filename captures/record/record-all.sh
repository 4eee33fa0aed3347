#!/usr/bin/env bash
# Records every scenario in scenarios/ into captures/recorded/NAME.pcapng
# (test-fixture scenarios into the OUTPUT they name).
#
#   captures/record/record-all.sh [SCENARIO...]     (default: all of them; needs root)
#
# Then regenerate the tshark fixtures: test/golden/regen.sh
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT_DIR=$(cd "$HERE/.." && pwd)/recorded

if [[ $# -gt 0 ]]; then
  names=("$@")
else
  names=()
  for f in "$HERE"/scenarios/*.sh; do names+=("$(basename "$f" .sh)"); done
fi

failed=()
for name in "${names[@]}"; do
  echo "== $name" >&2
  out=$OUT_DIR/$name.pcapng
  # A scenario with an OUTPUT line (a test fixture) goes where it says, not into recorded/.
  grep -q '^OUTPUT=' "$HERE/scenarios/$name.sh" 2>/dev/null && out=
  if ! "$HERE/record.sh" "$name" ${out:+"$out"}; then
    failed+=("$name")
  fi
done

if [[ ${#failed[@]} -gt 0 ]]; then
  echo "record-all.sh: failed: ${failed[*]}" >&2
  exit 1
fi
echo "record-all.sh: recorded ${#names[@]} scenario(s) into $OUT_DIR" >&2
