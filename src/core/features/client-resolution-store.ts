import { withDefaultTag } from '../reference';
import type { RegistryClient } from '../registry/client-types';
import { ResolutionStore } from './resolution-store';

/** Failures are asked again after this long at most, so a network blip does not stick for the whole TTL. */
const FAILURE_TTL_MS = 30_000;

/**
 * The editor's resolution store over a registry client: a tag is asked as written (`latest` when none is), the
 * digest beside it is compared later, never asked. Answers are kept `ttlSeconds`, failures shorter.
 */
export function clientResolutionStore(
  client: RegistryClient,
  options: { ttlSeconds: number; offline: boolean },
): ResolutionStore {
  const ttlMs = options.ttlSeconds * 1000;
  return new ResolutionStore({
    resolve: (reference, signal) => client.resolve(withDefaultTag({ ...reference, digest: undefined }), { signal }),
    now: Date.now,
    ttlMs,
    failureTtlMs: Math.min(FAILURE_TTL_MS, ttlMs),
    offline: options.offline,
  });
}
