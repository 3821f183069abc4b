// Bundles the CLI and the VS Code extension with esbuild; run by `prepare`, so `npm ci` leaves a working bin.
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const bench = process.argv.includes('--bench');
// `--demo`: the demo entry (starts the local rig, runs `image-trust check`), built beside the bench's.
const demo = process.argv.includes('--demo');
const entryPoints = bench
  ? { 'bench/run': 'bench/run.ts' }
  : demo
    ? { 'demo/run': 'scripts/demo-run.ts' }
    : { cli: 'src/cli/main.ts' };
// `--outdir DIR`: a build elsewhere than dist/ (tests that run the CLI as a child process build their own).
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag === -1 ? 'dist' : process.argv[outdirFlag + 1];

// The embedded IPFS node (Helia, libp2p) is large; it must load only when a command asks for it.
const HEAVY = /node_modules\/(helia|@helia|libp2p|@libp2p|@chainsafe)\//;

/** The output an entry point became, and every chunk it imports statically: what each run of it loads. */
function loadedAtStart(metafile, entryPoint) {
  const [entry] = Object.entries(metafile.outputs).find(([, output]) => output.entryPoint === entryPoint) ?? [];
  if (entry === undefined) throw new Error(`no output for ${entryPoint}`);
  const loaded = new Set([entry]);
  for (const output of loaded) {
    for (const { path, kind } of metafile.outputs[output]?.imports ?? []) {
      if (kind === 'import-statement' && metafile.outputs[path] !== undefined) loaded.add(path);
    }
  }
  return [...loaded];
}

/** Fails the build when what an entry point loads at start contains the embedded IPFS node. */
function assertLight(metafile, entryPoint) {
  for (const output of loadedAtStart(metafile, entryPoint)) {
    const heavy = Object.keys(metafile.outputs[output]?.inputs ?? {}).filter((input) => HEAVY.test(input));
    if (heavy.length > 0) {
      throw new Error(`${entryPoint} must not load the IPFS node at start, but ${output} has ${heavy.join(', ')}`);
    }
  }
}

// Chunk names carry hashes: old ones would pile up. The bench keeps its own, so it never breaks the CLI's.
const chunks = bench ? 'bench/chunks' : demo ? 'demo/chunks' : 'chunks';
rmSync(`${outdir}/${chunks}`, { recursive: true, force: true });

// ESM with code splitting: commands and the embedded IPFS node are separate chunks, loaded by dynamic import
// from the published package's dist/ (no bare import of a dependency at run time).
const cli = await build({
  entryPoints,
  outdir,
  bundle: true,
  splitting: true,
  chunkNames: `${chunks}/[name]-[hash]`,
  metafile: true,
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
if (!bench && !demo) assertLight(cli.metafile, 'src/cli/main.ts');

// The VS Code extension: CommonJS (the extension host loads `main` with require), `vscode` provided by the host.
if (!bench && !demo) {
  const extension = await build({
    entryPoints: { extension: 'src/extension/activate.ts' },
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    metafile: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['vscode'],
    sourcemap: true,
    logLevel: 'warning',
  });
  assertLight(extension.metafile, 'src/extension/activate.ts');
}
