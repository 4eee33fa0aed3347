#!/usr/bin/env bash
# The tests need Debian's Chromium (browser tests) and tshark (the oracle the
# decoder is compared with). Installs them when missing and run as root;
# otherwise says exactly what to install.
set -euo pipefail
need=()
command -v "${CHROMIUM_PATH:-chromium}" >/dev/null || need+=(chromium)
command -v tshark >/dev/null || need+=(tshark)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "wirebook: installing ${need[*]} for the tests"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "wirebook: the tests need ${need[*]}: run  sudo apt-get install ${need[*]}  (Debian/Ubuntu), then npm test again." >&2
  exit 1
fi
