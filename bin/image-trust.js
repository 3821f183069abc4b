#!/usr/bin/env node
// Checked here, before the bundle loads, so an old Node gets a sentence instead of a syntax or API error.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 22)) {
  process.stderr.write(`image-trust needs Node.js 22.22 or later (this is ${process.version}).\n`);
  process.exit(2);
}
await import('../dist/cli.js');
