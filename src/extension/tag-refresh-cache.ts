import type { RegistryCache } from '../core/registry/ports';

export interface TagRefreshCache extends RegistryCache {
  /** Every tag is asked of its registry once more before its cached answer counts again ("Verify image trust"). */
  askAgain(): void;
}

/**
 * The registry cache with tag answers "Verify" can set aside. Content stays: it is addressed by digest and
 * re-hashed when read, so it cannot be stale.
 */
export function withTagRefresh(inner: RegistryCache): TagRefreshCache {
  let askedAgain = false;
  const answeredSince = new Set<string>();
  return {
    getContent: (digest) => inner.getContent(digest),
    putContent: (digest, content) => inner.putContent(digest, content),
    getTag: async (key, now) => (askedAgain && !answeredSince.has(key) ? undefined : inner.getTag(key, now)),
    putTag: async (key, entry, expiresAt) => {
      answeredSince.add(key);
      await inner.putTag(key, entry, expiresAt);
    },
    askAgain: () => {
      askedAgain = true;
      answeredSince.clear();
    },
  };
}
