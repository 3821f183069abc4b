import { DctStore } from '../../src/core/features/dct-store';
import { ResolutionStore } from '../../src/core/features/resolution-store';
import type { Resolution } from '../../src/core/registry/client-types';
import type { DctResult } from '../../src/core/trust/notary';
import type { ServiceSource } from '../../src/extension/services';

export const DIGEST = `sha256:${'d'.repeat(64)}`;

/**
 * A service whose store resolves every tag to DIGEST, or never answers (`pending`). With `trust`, Docker Content
 * Trust is asked for every registry and answers it (or never answers: `pending`).
 */
export function serviceWith(answer: 'resolved' | 'pending', trust?: DctResult | 'pending'): ServiceSource {
  const resolve = (reference: Resolution['reference']) =>
    answer === 'pending'
      ? new Promise<Resolution>(() => undefined)
      : Promise.resolve({ reference, digest: DIGEST, mediaType: 'm', size: 1, platforms: [] });
  const store = new ResolutionStore({ resolve, now: () => 0, ttlMs: 60_000, failureTtlMs: 1000, offline: false });
  const dct = new DctStore({
    enabled: () => trust !== undefined,
    verify: () => (trust === 'pending' || trust === undefined ? new Promise(() => undefined) : Promise.resolve(trust)),
  });
  return { current: () => ({ store, dct, dispose: () => undefined }) };
}
