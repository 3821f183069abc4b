import type { Resolution } from '../registry/client-types';
import type { CosignEvidence } from '../trust/sigstore';
import { EvidenceStore, type EvidenceLookup } from './evidence-store';

export type CosignLookup = EvidenceLookup<CosignEvidence>;

export interface CosignStoreOptions {
  verify(resolution: Resolution, signal: AbortSignal): Promise<CosignEvidence>;
  /** True when there is something to verify with (keys or identities are configured). */
  enabled(registry: string): boolean;
}

/** cosign signatures per digest and repository: the `.sig` tag lives beside the image in its own repository. */
export class CosignStore extends EvidenceStore<CosignEvidence> {
  constructor(options: CosignStoreOptions) {
    const keyOf = ({ reference, digest }: Resolution) => `${reference.domain}/${reference.path}@${digest}`;
    super({ ...options, keyOf });
  }
}
