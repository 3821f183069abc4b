import { CoreError } from '../errors';
import type { Reference } from '../reference';
import type { RegistryClient } from '../registry/client-types';
import type { ImageRef } from '../scan/image-ref';

export interface ServedCheck {
  ref: ImageRef;
  /** Null when the pinned digest and, for an index, every child manifest are still served. */
  error: CoreError | null;
}

async function checkServed(client: RegistryClient, pin: Reference, signal?: AbortSignal): Promise<CoreError | null> {
  const options = signal ? { signal } : {};
  try {
    const resolution = await client.resolve(pin, options);
    const children = resolution.platforms.map((child) => ({
      domain: pin.domain,
      path: pin.path,
      digest: child.digest,
    }));
    await Promise.all(children.map((child) => client.fetchManifest(child, options)));
    return null;
  } catch (error) {
    return error instanceof CoreError ? error : new CoreError('PIN_CHECK_FAILED', String(error), { cause: error });
  }
}

/**
 * Confirms each digest pin is still served: the pinned manifest and, for an index, every child manifest —
 * registries garbage-collect children, and real outages came from indexes whose children 404.
 */
export async function checkPinsServed(
  client: RegistryClient,
  references: ImageRef[],
  signal?: AbortSignal,
): Promise<ServedCheck[]> {
  const checks = new Map<string, Promise<CoreError | null>>();
  const results: Promise<ServedCheck>[] = [];
  for (const ref of references) {
    const pinned = ref.reference;
    if (!pinned?.digest) continue;
    const pin = { domain: pinned.domain, path: pinned.path, digest: pinned.digest };
    const key = `${pin.domain}/${pin.path}@${pin.digest}`;
    const pending = checks.get(key) ?? checkServed(client, pin, signal);
    checks.set(key, pending);
    results.push(pending.then((error) => ({ ref, error })));
  }
  return Promise.all(results);
}
