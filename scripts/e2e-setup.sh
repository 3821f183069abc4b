#!/usr/bin/env bash
# Installs what the VS Code end-to-end tests need, outside the repo and idempotently (quick when present):
# Debian chromium + libkrb5-dev, Node 24 from the npm registry, and code-server with its native modules rebuilt.
# Recipe: ../shared/VSCODE-E2E.md. Prints the code-server directory on its last line.
set -euo pipefail
cd "$(dirname "$0")/.."
version="4.139.1"
root="${XDG_CACHE_HOME:-$HOME/.cache}/image-trust/code-server-$version"
server="$root/node_modules/code-server"

if [ ! -x /usr/bin/chromium ] || [ ! -e /usr/include/krb5.h ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "e2e-setup: install the Debian packages chromium and libkrb5-dev, then run again" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium libkrb5-dev >/dev/null
fi

node24_bin="$(bash scripts/ensure-node.sh 24)"
export PATH="$node24_bin:$PATH"
export npm_config_nodedir="$(dirname "$node24_bin")"
export npm_config_unsafe_perm=true

if [ ! -e "$root/.ready" ]; then
  if [ ! -e "$server/package.json" ]; then
    rm -rf "$root"
    mkdir -p "$root"
    (cd "$root" && echo '{"private":true}' >package.json \
      && npm install --no-audit --no-fund --silent "code-server@$version")
  fi
  # Where npm blocks dependency install scripts, code-server's postinstall (which installs lib/vscode's modules)
  # and the native builds did not run: run them by hand. postinstall.sh reads the Node version from npm's agent.
  if [ ! -d "$server/lib/vscode/node_modules" ]; then
    (cd "$server" && npm_config_user_agent="npm/$(npm -v) node/$(node -v) linux x64" sh ./postinstall.sh >/dev/null)
  fi
  native="$server/lib/vscode/node_modules"
  if [ ! -e "$native/kerberos/build/Release/kerberos.node" ] \
    || [ ! -e "$native/@vscode/sqlite3/build/Release/vscode-sqlite3.node" ]; then
    (cd "$server/lib/vscode" && npm rebuild --silent --dangerously-allow-all-scripts @parcel/watcher @vscode/spdlog \
      node-pty kerberos @vscode/sqlite3 @vscode/deviceid @vscode/fs-copyfile @vscode/native-watchdog)
  fi
  touch "$root/.ready"
fi
echo "$server"
