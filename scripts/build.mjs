// Bundles the CLI and the VS Code extension with esbuild; run by `prepare`, so `npm ci` leaves a working bin.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const bench = process.argv.includes('--bench');

await build({
  entryPoints: bench ? { 'bench/run': 'bench/run.ts' } : { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  define: { __IMAGE_TRUST_VERSION__: JSON.stringify(version) },
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});

// The VS Code extension: CommonJS (the extension host loads `main` with require), `vscode` provided by the host.
if (!bench) {
  await build({
    entryPoints: { extension: 'src/extension/activate.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['vscode'],
    sourcemap: true,
    logLevel: 'warning',
  });
}
