import type { RegistryCache } from '../registry/ports';
import { IPFS_DEFAULTS } from './defaults';

/**
 * A registry cache that keeps manifests and configs but not layers: a fetch streams layers into the layout, and a
 * cache holding them would hold the whole image (in memory) or a second copy of it (on disk).
 */
export function documentsOnlyCache(inner: RegistryCache, maxBytes = IPFS_DEFAULTS.maxDocumentBytes): RegistryCache {
  return {
    ...inner,
    putContent: (digest, content) =>
      content.bytes.length <= maxBytes ? inner.putContent(digest, content) : Promise.resolve(),
  };
}
