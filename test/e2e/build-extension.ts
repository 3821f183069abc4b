import { execFileSync } from 'node:child_process';

/** globalSetup: the e2e tests load dist/extension.cjs, so it is always built from the source under test. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
