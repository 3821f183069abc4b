#!/usr/bin/env bash
# Packages the VS Code extension into dist/image-trust-VERSION.vsix with @vscode/vsce (from the npm registry, run on
# Node 22 as vsce requires), then checks its contents. The package is staged in a temp dir because the npm package's
# "files" list (the CLI) and .vscodeignore cannot be combined in one folder; the bundle needs no node_modules.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/build.mjs
stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
node -e '
  const m = JSON.parse(require("fs").readFileSync("package.json", "utf8"));
  for (const key of ["files", "bin", "scripts", "dependencies", "devDependencies", "allowScripts"]) delete m[key];
  process.stdout.write(JSON.stringify(m, null, 2));
' >"$stage/package.json"
mkdir -p "$stage/dist" "$stage/media"
cp README.md .vscodeignore "$stage/"
cp dist/extension.cjs "$stage/dist/"
cp media/*.png "$stage/media/" 2>/dev/null || true
version="$(node -p 'require("./package.json").version')"
out="$PWD/dist/image-trust-$version.vsix"
node22_bin="$(bash scripts/ensure-node.sh 22)"
(cd "$stage" && PATH="$node22_bin:$PATH" npx --yes @vscode/vsce@4.1.0 package --no-dependencies \
  --allow-missing-repository --skip-license --no-rewrite-relative-links -o "$out" </dev/null)
listing="$(unzip -Z1 "$out")"
if grep -E '\.map$|(^|/)test/|node_modules/|\.ts$' <<<"$listing"; then
  echo "package-vsix: the .vsix holds files it must not (above)" >&2
  exit 1
fi
echo "$out ($(du -k "$out" | cut -f1) KiB, $(wc -l <<<"$listing") files)"
