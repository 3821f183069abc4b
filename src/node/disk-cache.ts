import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseDigest } from '../core/registry/digest';
import type { CachedContent, RegistryCache, TagEntry } from '../core/registry/ports';

/**
 * The registry cache on disk under `$XDG_CACHE_HOME/image-trust/registry`: `content/<alg>/<hex>` (+ `.type`)
 * and `tags/<sha256 of the key>.json`. Writes are atomic (temp file + rename); the client re-hashes content.
 */
export function createDiskCache(root: string): RegistryCache {
  const contentPath = (digest: string) => {
    const parsed = parseDigest(digest);
    return parsed === undefined ? undefined : join(root, 'content', parsed.algorithm, parsed.hex);
  };
  const tagPath = (key: string) => join(root, 'tags', `${createHash('sha256').update(key).digest('hex')}.json`);
  return {
    async getContent(digest) {
      const path = contentPath(digest);
      if (path === undefined) return undefined;
      const [bytes, mediaType] = await Promise.all([readOptional(path), readOptional(`${path}.type`)]);
      if (bytes === undefined || mediaType === undefined) return undefined;
      return { bytes: new Uint8Array(bytes), mediaType: mediaType.toString('utf8') };
    },
    async putContent(digest: string, content: CachedContent) {
      const path = contentPath(digest);
      if (path === undefined) return;
      await writeAtomic(`${path}.type`, content.mediaType);
      await writeAtomic(path, content.bytes);
    },
    async getTag(key, now) {
      const text = await readOptional(tagPath(key));
      if (text === undefined) return undefined;
      const stored = parseTagFile(text.toString('utf8'));
      return stored !== undefined && stored.key === key && now < stored.expiresAt ? stored.entry : undefined;
    },
    async putTag(key, { digest, mediaType, size }, expiresAt) {
      await writeAtomic(tagPath(key), JSON.stringify({ key, digest, mediaType, size, expiresAt }));
    },
  };
}

// A file from an older version, or damaged, is a miss.
function parseTagFile(text: string): { key: string; entry: TagEntry; expiresAt: number } | undefined {
  try {
    const { key, digest, mediaType, size, expiresAt } = JSON.parse(text) as Record<string, unknown>;
    if (typeof key !== 'string' || typeof digest !== 'string' || typeof mediaType !== 'string') return undefined;
    if (typeof size !== 'number' || typeof expiresAt !== 'number') return undefined;
    return { key, entry: { digest, mediaType, size }, expiresAt };
  } catch {
    return undefined;
  }
}

async function readOptional(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, data);
  await rename(temp, path);
}

/** `$XDG_CACHE_HOME/image-trust/registry`, else `~/.cache/image-trust/registry`. */
export function defaultCacheRoot(env: NodeJS.ProcessEnv, home: string): string {
  const base =
    env.XDG_CACHE_HOME !== undefined && env.XDG_CACHE_HOME !== '' ? env.XDG_CACHE_HOME : join(home, '.cache');
  return join(base, 'image-trust', 'registry');
}
