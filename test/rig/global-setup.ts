import type { TestProject } from 'vitest/node';
import { startRig } from './rig';
import type { RigInfo } from './rig-types';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by test/rig/global-setup.ts; read it with `injectRig()`. */
    rig: RigInfo;
  }
}

/**
 * vitest `globalSetup`: starts one rig in the main process for every integration test file, hands its connection
 * data to the workers through `provide` (plain data only: the rig's `stop` stays here), and stops it at the end.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const rig = await startRig();
  const { stop, tokenGrants: _grants, ...info } = rig;
  project.provide('rig', info);
  return stop;
}
