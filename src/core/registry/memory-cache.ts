import type { CachedContent, RegistryCache, TagEntry } from './ports';

/** The in-memory cache: content by digest forever, tag entries until their expiry. */
export function createMemoryCache(): RegistryCache {
  const content = new Map<string, CachedContent>();
  const tags = new Map<string, { entry: TagEntry; expiresAt: number }>();
  return {
    getContent: (digest) => Promise.resolve(content.get(digest)),
    putContent: (digest, entry) => {
      content.set(digest, entry);
      return Promise.resolve();
    },
    getTag: (key, now) => {
      const cached = tags.get(key);
      return Promise.resolve(cached !== undefined && now < cached.expiresAt ? cached.entry : undefined);
    },
    putTag: (key, entry, expiresAt) => {
      tags.set(key, { entry, expiresAt });
      return Promise.resolve();
    },
  };
}
