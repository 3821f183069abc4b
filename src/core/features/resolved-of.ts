import type { Resolution } from '../registry/client-types';
import type { ImageRef } from '../scan/image-ref';
import { resolutionKey } from './resolution-key';
import type { ResolutionLookup } from './resolution-state';

/** The resolutions known now for these references: what trust verification starts from. */
export function resolvedOf(refs: readonly ImageRef[], lookup: ResolutionLookup): Resolution[] {
  return refs.flatMap((ref) => {
    const key = resolutionKey(ref);
    const state = key === null ? undefined : lookup(key);
    return state?.kind === 'resolved' ? [state.resolution] : [];
  });
}
