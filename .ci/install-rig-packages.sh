#!/usr/bin/env bash
# Installs the Debian packages the integration-test rig (test/rig/) runs, when they are missing.
# Idempotent: a quick no-op when every binary is present. Installs only as root on Debian/Ubuntu (apt-get);
# elsewhere it prints the exact command and fails, so tests never start half-equipped.
# Keep this list in sync with RIG_TOOLS in test/rig/rig-packages.ts (a unit test checks it).
set -euo pipefail

# binary:debian-package
RIG_TOOLS=(
  docker-registry:docker-registry
  skopeo:skopeo
  openssl:openssl
  htpasswd:apache2-utils
  notary:notary
  notary-server:notary
  notary-signer:notary
  docker-credential-pass:golang-docker-credential-helpers
  pass:pass
  gpg:gnupg
  umoci:umoci
)

missing=()
for tool in "${RIG_TOOLS[@]}"; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || missing+=("${tool#*:}")
done
# One package may ship several binaries (notary): name it once.
if [ "${#missing[@]}" -gt 0 ]; then mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u); fi

if [ "${#missing[@]}" -eq 0 ]; then
  echo "rig packages: all present"
  exit 0
fi

echo "rig packages: missing ${missing[*]}"
if [ "${EUID:-$(id -u)}" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "rig packages: cannot install here (needs root and apt-get). Run:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
echo "rig packages: apt-get update"
apt-get update -qq
echo "rig packages: apt-get install -y --no-install-recommends ${missing[*]}"
apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "rig packages: installed ${missing[*]}"
