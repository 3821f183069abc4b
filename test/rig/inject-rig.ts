import { inject } from 'vitest';
import type { RigInfo } from './rig-types';

/** The rig shared by all integration test files (see test/rig/README.md for the vitest config). */
export function injectRig(): RigInfo {
  const rig = inject('rig');
  if (rig === undefined) {
    throw new Error("No shared rig: add globalSetup: ['test/rig/global-setup.ts'] to the integration tests' config.");
  }
  return rig;
}
