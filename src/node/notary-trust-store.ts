import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TrustRecord, TrustStore } from '../core/trust/notary/ports';

/** `$XDG_CACHE_HOME/image-trust/notary`, else `~/.cache/image-trust/notary`: a fresh HOME is a fresh client. */
export function defaultTrustRoot(env: NodeJS.ProcessEnv, home: string): string {
  const base =
    env.XDG_CACHE_HOME !== undefined && env.XDG_CACHE_HOME !== '' ? env.XDG_CACHE_HOME : join(home, '.cache');
  return join(base, 'image-trust', 'notary');
}

// A damaged file or one for another GUN (a hash collision) reads as nothing pinned; the server root is then TOFU.
function parseRecord(text: string, gun: string): TrustRecord | undefined {
  try {
    const stored = JSON.parse(text) as { gun?: unknown; root?: unknown; versions?: unknown };
    if (stored.gun !== gun || typeof stored.root !== 'string' || typeof stored.versions !== 'object') return undefined;
    return {
      root: new Uint8Array(Buffer.from(stored.root, 'base64')),
      versions: stored.versions as Record<string, number>,
    };
  } catch {
    return undefined;
  }
}

/** TOFU pins and version floors per GUN, one JSON file each, written atomically (temp file + rename). */
export function createDiskTrustStore(root: string): TrustStore {
  const path = (gun: string) => join(root, `${createHash('sha256').update(gun).digest('hex')}.json`);
  return {
    async load(gun) {
      try {
        return parseRecord(await readFile(path(gun), 'utf8'), gun);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async save(gun, record) {
      await mkdir(root, { recursive: true, mode: 0o700 });
      const target = path(gun);
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      const text = JSON.stringify({
        gun,
        root: Buffer.from(record.root).toString('base64'),
        versions: record.versions,
      });
      await writeFile(temp, text, { mode: 0o600 });
      await rename(temp, target);
    },
  };
}
