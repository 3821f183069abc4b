import { createHash } from 'node:crypto';
import type { CreateHash } from '../../core/ipfs/ports';

/** node:crypto's incremental hash: the fetch path hashes blobs as they stream, never holding them whole. */
export const createNodeHash: CreateHash = (algorithm) => {
  const hash = createHash(algorithm);
  return { update: (bytes) => void hash.update(bytes), digest: () => hash.digest('hex') };
};
