import type { Resolution } from '../registry/client-types';
import { gunOf, type DctResult } from '../trust/notary';
import { EvidenceStore, type EvidenceLookup, type EvidenceState } from './evidence-store';

/** What the editor knows of one digest's DCT verification. */
export type DctState = EvidenceState<DctResult>;

export type DctLookup = EvidenceLookup<DctResult>;

export interface DctStoreOptions {
  verify(resolution: Resolution, signal: AbortSignal): Promise<DctResult>;
  /** Registries with a notary server configured. */
  enabled(registry: string): boolean;
}

/** Docker Content Trust per digest and repository (GUN): trust data is published per repository. */
export class DctStore extends EvidenceStore<DctResult> {
  constructor(options: DctStoreOptions) {
    super({ ...options, keyOf: (resolution) => `${gunOf(resolution)}@${resolution.digest}` });
  }
}
