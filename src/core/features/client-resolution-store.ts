import { withDefaultTag, type Reference } from '../reference';
import type { RegistryClient } from '../registry/client-types';
import { ResolutionStore } from './resolution-store';

/** Failures are asked again after this long at most, so a network blip does not stick for the whole TTL. */
const FAILURE_TTL_MS = 30_000;

/** A tag is asked without the digest written beside it; a pin alone (no tag) is asked by its digest. */
function asked(reference: Reference): Reference {
  return reference.tag === undefined && reference.digest !== undefined
    ? reference
    : withDefaultTag({ ...reference, digest: undefined });
}

/**
 * The editor's resolution store over a registry client: a tag is asked as written (`latest` when none is), and a
 * written digest on its own when the tag's answer does not cover it. Answers are kept `ttlSeconds`, failures shorter.
 */
export function clientResolutionStore(
  client: RegistryClient,
  options: { ttlSeconds: number; offline: boolean },
): ResolutionStore {
  const ttlMs = options.ttlSeconds * 1000;
  return new ResolutionStore({
    resolve: (reference, signal) => client.resolve(asked(reference), { signal }),
    now: Date.now,
    ttlMs,
    failureTtlMs: Math.min(FAILURE_TTL_MS, ttlMs),
    offline: options.offline,
  });
}
