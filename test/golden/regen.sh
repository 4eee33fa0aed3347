#!/usr/bin/env bash
# Regenerates the tshark fixtures the golden tests compare against.
#
#   test/golden/regen.sh [CAPTURE...]
#
# Default: every .pcapng/.pcap in the repository: under captures/, in
# test/fixtures/captures/ and in the decoder's test data
# (src/decoder/**/testdata/), except the damaged ones listed in damaged.txt.
# For each capture, runs tshark once with the fields of fields.txt and once
# with those of analysis-fields.txt, writing fixtures/NAME.fields.tsv and
# fixtures/NAME.analysis.tsv. Under captures/, NAME is the path under
# captures/ without its extension, "recorded/" dropped and "/" written as "__"
# (captures/recorded/tcp-http.pcapng -> tcp-http); elsewhere it is the path
# from the repository root with "/" written as "__", extension kept, as the
# decoder's test data has lo-udp.pcap next to lo-udp.pcapng
# (src/decoder/capture/testdata/lo-udp.pcap -> src__decoder__capture__testdata__lo-udp.pcap).
# The oracle is tshark 4.0.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
FIXTURES=$HERE/fixtures
TSHARK=${TSHARK:-tshark}

command -v "$TSHARK" >/dev/null || { echo "regen.sh: tshark not found: install the Debian package 'tshark'" >&2; exit 1; }
version=$("$TSHARK" --version 2>/dev/null | sed -n '1s/^TShark (Wireshark) \([0-9.]*\).*/\1/p')
case $version in
  4.0.*) ;;
  *) echo "regen.sh: warning: tshark $version; the fixtures were made with 4.0 (later versions name and print some fields differently)" >&2 ;;
esac

# Same output on every machine: UTC times, no personal preferences.
export TZ=UTC
WIRESHARK_CONFIG_DIR=$(mktemp -d)
export WIRESHARK_CONFIG_DIR
trap 'rm -rf "$WIRESHARK_CONFIG_DIR"' EXIT

# Field list file -> "-e a -e b ..." (comments and blank lines dropped).
field_args() { sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' -e 's/^/-e\n/' "$1"; }
mapfile -t FIELDS < <(field_args "$HERE/fields.txt")
mapfile -t ANALYSIS < <(field_args "$HERE/analysis-fields.txt")

COMMON=(-2 -T fields -E header=y -E occurrence=a -E aggregator=,
  -o ip.check_checksum:TRUE -o tcp.check_checksum:TRUE -o udp.check_checksum:TRUE)

fixture_name() {
  local rel
  if [[ $1 == "$ROOT/captures/"* ]]; then
    rel=${1#"$ROOT/captures/"}
    rel=${rel#recorded/}
    rel=${rel%.*}
  else
    rel=${1#"$ROOT/"}
  fi
  echo "${rel//\//__}"
}

# Repository paths of the captures left out (damaged.txt, comments dropped).
mapfile -t DAMAGED < <(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$HERE/damaged.txt")
damaged() {
  local d
  for d in "${DAMAGED[@]}"; do [[ $1 == "$ROOT/$d" ]] && return 0; done
  return 1
}

# Every capture the golden tests compare, sorted (the same set as golden.ts).
all_captures() {
  {
    find "$ROOT/captures" -type f \( -name '*.pcapng' -o -name '*.pcap' \)
    find "$ROOT/test/fixtures/captures" -maxdepth 1 -type f \( -name '*.pcapng' -o -name '*.pcap' \)
    find "$ROOT/src/decoder" -type f -path '*/testdata/*' \( -name '*.pcapng' -o -name '*.pcap' \)
  } | LC_ALL=C sort | while read -r cap; do damaged "$cap" || echo "$cap"; done
}

if [[ $# -gt 0 ]]; then
  captures=()
  for c in "$@"; do captures+=("$(cd "$(dirname "$c")" && pwd)/$(basename "$c")"); done
else
  mapfile -t captures < <(all_captures)
fi

mkdir -p "$FIXTURES"
for cap in "${captures[@]}"; do
  name=$(fixture_name "$cap")
  "$TSHARK" -r "$cap" "${COMMON[@]}" "${FIELDS[@]}" >"$FIXTURES/$name.fields.tsv" 2>"$FIXTURES/.stderr" \
    || { cat "$FIXTURES/.stderr" >&2; exit 1; }
  "$TSHARK" -r "$cap" "${COMMON[@]}" "${ANALYSIS[@]}" >"$FIXTURES/$name.analysis.tsv" 2>"$FIXTURES/.stderr" \
    || { cat "$FIXTURES/.stderr" >&2; exit 1; }
  frames=$(($(wc -l <"$FIXTURES/$name.fields.tsv") - 1))
  echo "regen.sh: $name: $frames frames" >&2
done
rm -f "$FIXTURES/.stderr"

# Fixtures whose capture is gone would test nothing: remove them.
if [[ $# -eq 0 ]]; then
  for f in "$FIXTURES"/*.fields.tsv; do
    [[ -e $f ]] || continue
    name=$(basename "$f" .fields.tsv)
    keep=0
    for cap in "${captures[@]}"; do [[ $(fixture_name "$cap") == "$name" ]] && keep=1 && break; done
    if [[ $keep -eq 0 ]]; then
      rm -f "$FIXTURES/$name.fields.tsv" "$FIXTURES/$name.analysis.tsv"
      echo "regen.sh: removed stale fixtures for $name" >&2
    fi
  done
fi
