import { gunOf, type DctResult } from '../trust/notary';
import { EvidenceStore, type EvidenceLookup, type EvidenceState, type EvidenceStoreOptions } from './evidence-store';

/** What the editor knows of one digest's DCT verification. */
export type DctState = EvidenceState<DctResult>;

export type DctLookup = EvidenceLookup<DctResult>;

/** `enabled`: images on a registry with a notary server configured. */
export type DctStoreOptions = Omit<EvidenceStoreOptions<DctResult>, 'keyOf'>;

/** Docker Content Trust per digest and repository (GUN): trust data is published per repository. */
export class DctStore extends EvidenceStore<DctResult> {
  constructor(options: DctStoreOptions) {
    super({ ...options, keyOf: (resolution) => `${gunOf(resolution)}@${resolution.digest}` });
  }
}
