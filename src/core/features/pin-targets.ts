import { CoreError } from '../errors';
import type { PinTarget } from '../pin/keep-platform';
import { fetchPinTarget } from '../pin/pin-target';
import type { RegistryClient } from '../registry/client-types';
import type { ImageRef } from '../scan/image-ref';
import { resolutionKey } from './resolution-key';
import type { ResolutionLookup } from './resolution-state';

/** The digest to write for a reference, why none can be chosen, or undefined while its tag is not resolved. */
export type PinTargetOf = (ref: ImageRef) => PinTarget | CoreError | undefined;

function toCoreError(error: unknown): CoreError {
  return error instanceof CoreError ? error : new CoreError('PIN_FAILED', String(error), { cause: error });
}

/**
 * Chooses the digest to pin for each resolved reference exactly as `image-trust pin` does (fetchPinTarget): the
 * tag's digest, or for a single-platform pin the same platform's manifest of the index. The registry is asked
 * only when the index alone cannot tell the pinned manifest's platform; content is cached by digest.
 */
export async function fetchPinTargets(
  refs: readonly ImageRef[],
  lookup: ResolutionLookup,
  client: RegistryClient,
  signal: AbortSignal,
): Promise<PinTargetOf> {
  const targets = new Map<ImageRef, PinTarget | CoreError>();
  await Promise.all(
    refs.map(async (ref) => {
      const key = resolutionKey(ref);
      const state = key === null ? undefined : lookup(key);
      if (!ref.reference || state?.kind !== 'resolved') return;
      const target = await fetchPinTarget(client, ref.reference, state.resolution, signal).catch(toCoreError);
      targets.set(ref, target);
    }),
  );
  return (ref) => targets.get(ref);
}
