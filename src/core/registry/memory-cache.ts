import type { CachedContent, RegistryCache } from './ports';

/** The in-memory cache: content by digest forever, tag → digest until its expiry. */
export function createMemoryCache(): RegistryCache {
  const content = new Map<string, CachedContent>();
  const tags = new Map<string, { digest: string; expiresAt: number }>();
  return {
    getContent: (digest) => Promise.resolve(content.get(digest)),
    putContent: (digest, entry) => {
      content.set(digest, entry);
      return Promise.resolve();
    },
    getTag: (key, now) => {
      const entry = tags.get(key);
      return Promise.resolve(entry !== undefined && now < entry.expiresAt ? entry.digest : undefined);
    },
    putTag: (key, digest, expiresAt) => {
      tags.set(key, { digest, expiresAt });
      return Promise.resolve();
    },
  };
}
