import { ResolutionStore } from '../../src/core/features/resolution-store';
import type { Resolution } from '../../src/core/registry/client-types';
import type { ServiceSource } from '../../src/extension/services';

export const DIGEST = `sha256:${'d'.repeat(64)}`;

/** A service whose store resolves every tag to DIGEST, or never answers (`pending`). */
export function serviceWith(answer: 'resolved' | 'pending'): ServiceSource {
  const resolve = (reference: Resolution['reference']) =>
    answer === 'pending'
      ? new Promise<Resolution>(() => undefined)
      : Promise.resolve({ reference, digest: DIGEST, mediaType: 'm', size: 1, platforms: [] });
  const store = new ResolutionStore({ resolve, now: () => 0, ttlMs: 60_000, failureTtlMs: 1000, offline: false });
  return { current: () => ({ store, dispose: () => undefined }) };
}
