import type { Reference } from '../reference';
import type { ImageRef } from '../scan/image-ref';
import type { CosignStore } from './cosign-store';
import type { DctStore } from './dct-store';
import { digestKey, resolutionKey } from './resolution-key';
import type { ResolutionState } from './resolution-state';
import type { ResolutionStore } from './resolution-store';
import { pinToResolve, usedResolution, usedResolutions } from './used-resolution';

/** The stores a reference's evidence comes from: its tag and pin resolutions, then its digest's signatures. */
export interface EvidenceStores {
  store: ResolutionStore;
  dct: DctStore;
  cosign: CosignStore;
}

const unsettled = (state: ResolutionState | undefined) => state === undefined || state.kind === 'pending';

/**
 * Learns what there is to know of these references, in order: their tags, the written digests the tags' answers
 * do not cover, then the signatures of the digest each one uses. Stops when `signal` aborts.
 */
export async function ensureEvidence(refs: readonly ImageRef[], stores: EvidenceStores, signal: AbortSignal) {
  const { store } = stores;
  await store.ensure(
    refs.flatMap((ref): Reference[] => (ref.reference ? [ref.reference] : [])),
    signal,
  );
  await store.ensurePins(
    refs.flatMap((ref) => pinToResolve(ref, store.lookup) ?? []),
    signal,
  );
  const used = usedResolutions(refs, store.lookup);
  await Promise.all([stores.dct.ensure(used, signal), stores.cosign.ensure(used, signal)]);
}

/** True when nothing more is coming for `ref`: its tag, its pin and its used digest's signatures are known. */
export function evidenceSettled(ref: ImageRef, stores: EvidenceStores): boolean {
  const { store } = stores;
  const key = resolutionKey(ref);
  if (key !== null && unsettled(store.lookup(key))) return false;
  const pin = pinToResolve(ref, store.lookup);
  if (pin !== null && unsettled(store.lookup(digestKey(pin)))) return false;
  const used = usedResolution(ref, store.lookup);
  return used === undefined || (stores.dct.settled(used) && stores.cosign.settled(used));
}
