// Bundles the CLI (and later the extension) with esbuild; run by `prepare`, so `npm ci` leaves a working bin.
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
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  define: { __IMAGE_TRUST_VERSION__: JSON.stringify(version) },
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
