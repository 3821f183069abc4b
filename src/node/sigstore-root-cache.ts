import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TrustedRoot } from '@sigstore/protobuf-specs';
import { parseTrustedRoot, publicGoodTrustedRoot } from '../core/trust/sigstore';
import { TrustRootError } from '../core/trust/sigstore/root-update-error';

/** Sigstore's TUF repository, from which `trust-root update` fetches `trusted_root.json`. */
export const DEFAULT_TUF_MIRROR = 'https://tuf-repo-cdn.sigstore.dev';

/** `$XDG_CACHE_HOME/image-trust/sigstore`, else `~/.cache/image-trust/sigstore`. */
export function sigstoreCacheDir(env: Record<string, string | undefined>, home: string): string {
  const base =
    env.XDG_CACHE_HOME !== undefined && env.XDG_CACHE_HOME !== '' ? env.XDG_CACHE_HOME : join(home, '.cache');
  return join(base, 'image-trust', 'sigstore');
}

/** The updated `trusted_root.json` in the cache. */
export const cachedRootPath = (cacheDir: string) => join(cacheDir, 'trusted_root.json');

/** The TUF metadata of one mirror: a test repository never shares rollback state with the real one. */
export const tufMetadataDir = (cacheDir: string, mirror: string) => join(cacheDir, 'tuf', encodeURIComponent(mirror));

export interface PreferredTrustedRoot {
  root: TrustedRoot;
  /** `cache`: the root `trust-root update` stored; `shipped`: the public-good root in the tool's assets. */
  source: 'cache' | 'shipped';
  path?: string;
  /** Why the cached root was not used although it exists (the caller reports it). */
  warning?: TrustRootError;
}

/**
 * The public-good trusted root to verify with: the one the last `trust-root update` stored when there is one and
 * it parses, the shipped one otherwise. A cache that exists but is broken is reported, never skipped silently.
 */
export function loadPreferredTrustedRoot(cacheDir: string): PreferredTrustedRoot {
  const path = cachedRootPath(cacheDir);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { root: publicGoodTrustedRoot(), source: 'shipped' };
    return shippedBecause(path, error);
  }
  try {
    return { root: parseTrustedRoot(text, path), source: 'cache', path };
  } catch (error) {
    return shippedBecause(path, error);
  }
}

function shippedBecause(path: string, cause: unknown): PreferredTrustedRoot {
  const message = `The cached Sigstore trusted root ${path} is unreadable or corrupt: using the shipped public-good root. Run \`image-trust trust-root update\` to replace it.`;
  const warning = new TrustRootError('TRUST_ROOT_CACHE_CORRUPT', message, { source: path }, cause);
  return { root: publicGoodTrustedRoot(), source: 'shipped', warning };
}
