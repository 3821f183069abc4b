import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiskCache, defaultCacheRoot } from '../../src/node/disk-cache';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'image-trust-cache-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const digest = `sha256:${'ab'.repeat(32)}`;

describe('createDiskCache', () => {
  it('keeps content by digest with its media type', async () => {
    const cache = createDiskCache(root);
    await cache.putContent(digest, { bytes: new Uint8Array([1, 2, 3]), mediaType: 'application/x' });
    expect(await createDiskCache(root).getContent(digest)).toEqual({
      bytes: new Uint8Array([1, 2, 3]),
      mediaType: 'application/x',
    });
    expect(await readdir(join(root, 'content', 'sha256'))).toEqual(['ab'.repeat(32), `${'ab'.repeat(32)}.type`]);
  });

  it('ignores a malformed digest instead of writing outside its folder', async () => {
    const cache = createDiskCache(root);
    await cache.putContent('sha256:../../x', { bytes: new Uint8Array([1]), mediaType: 'x' });
    expect(await cache.getContent('sha256:../../x')).toBeUndefined();
    expect(await readdir(root)).toEqual([]);
  });

  it('keeps a tag until it expires', async () => {
    const cache = createDiskCache(root);
    const entry = { digest, mediaType: 'application/vnd.oci.image.manifest.v1+json', size: 345 };
    await cache.putTag('reg.test/demo/app:v1', entry, 1000);
    expect(await cache.getTag('reg.test/demo/app:v1', 999)).toEqual(entry);
    expect(await cache.getTag('reg.test/demo/app:v1', 1000)).toBeUndefined();
    expect(await cache.getTag('reg.test/demo/app:v2', 0)).toBeUndefined();
  });
});

describe('defaultCacheRoot', () => {
  it('lives under $XDG_CACHE_HOME/image-trust, else ~/.cache/image-trust', () => {
    expect(defaultCacheRoot({ XDG_CACHE_HOME: '/c' }, '/h')).toBe('/c/image-trust/registry');
    expect(defaultCacheRoot({}, '/h')).toBe('/h/.cache/image-trust/registry');
  });
});
