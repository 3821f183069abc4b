import type { Resolution } from '../registry/client-types';
import type { CosignEvidence } from '../trust/sigstore';
import { EvidenceStore, type EvidenceLookup, type EvidenceStoreOptions } from './evidence-store';

export type CosignLookup = EvidenceLookup<CosignEvidence>;

/** `enabled`: true when there is something to verify the image with (a key or identity for its repository). */
export type CosignStoreOptions = Omit<EvidenceStoreOptions<CosignEvidence>, 'keyOf'>;

/** cosign signatures per digest and repository: the `.sig` tag lives beside the image in its own repository. */
export class CosignStore extends EvidenceStore<CosignEvidence> {
  constructor(options: CosignStoreOptions) {
    const keyOf = ({ reference, digest }: Resolution) => `${reference.domain}/${reference.path}@${digest}`;
    super({ ...options, keyOf });
  }
}
