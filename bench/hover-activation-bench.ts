import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { median } from './measure';

const ROUNDS = 7;
const BUNDLE = resolve('dist/extension.cjs');

// A child Node loads the bundle as the extension host would (`require`), with `vscode` answered by a stub that
// is enough for module evaluation (activate() itself is timed in real VS Code by the e2e suite, which logs it).
const LOAD = `
const Module = require('node:module');
const stub = new Proxy(function () {}, { get: (_, key) => (key === 'then' ? undefined : stub), construct: () => stub, apply: () => stub });
const names = ['DiagnosticSeverity', 'CodeActionKind', 'StatusBarAlignment', 'ViewColumn', 'Uri', 'window', 'workspace', 'languages', 'commands'];
const api = new Proxy({}, {
  get: (_, key) => (key === 'then' ? undefined : stub),
  ownKeys: () => names,
  getOwnPropertyDescriptor: () => ({ configurable: true, enumerable: true, value: stub }),
});
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? api : load.call(this, request, ...rest); };
const started = performance.now();
require(process.argv[1]);
const bundle = performance.now() - started;
const floorStart = performance.now();
require('yaml');
console.log(JSON.stringify({ bundle, floor: performance.now() - floorStart }));
`;

/** The extension bundle's load time in a fresh Node, against loading the YAML parser alone in the same process. */
export function activationBenchmark(): void {
  if (!existsSync(BUNDLE)) {
    console.log('extension load: not measured, run `npm run build` first (dist/extension.cjs)');
    return;
  }
  const runs = Array.from({ length: ROUNDS }, () => {
    const out = execFileSync(process.execPath, ['-e', LOAD, BUNDLE], { encoding: 'utf8' });
    return JSON.parse(out) as { bundle: number; floor: number };
  });
  const bundle = median(runs.map((run) => run.bundle));
  const floor = median(runs.map((run) => run.floor));
  console.log(
    `extension bundle load (require of dist/extension.cjs, ${ROUNDS} fresh processes): ${bundle.toFixed(1)} ms;` +
      ` ${(bundle / floor).toFixed(1)}× loading yaml alone (${floor.toFixed(1)} ms); activation goal < 100 ms`,
  );
}
