import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiskCache } from '../../src/node/disk-cache';
import { withTagRefresh } from '../../src/extension/tag-refresh-cache';

const ENTRY = { digest: `sha256:${'a'.repeat(64)}`, mediaType: 'application/vnd.oci.image.manifest.v1+json', size: 2 };
const dirs: string[] = [];

function diskCache() {
  const dir = mkdtempSync(join(tmpdir(), 'image-trust-cache-'));
  dirs.push(dir);
  return createDiskCache(dir);
}

afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the extension registry cache on disk', () => {
  it('answers tags from disk across restarts of the editor, until their TTL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'image-trust-cache-'));
    dirs.push(dir);
    await withTagRefresh(createDiskCache(dir)).putTag('r/p:1', ENTRY, 1000);
    const reopened = withTagRefresh(createDiskCache(dir));
    expect(await reopened.getTag('r/p:1', 999)).toEqual(ENTRY);
    expect(await reopened.getTag('r/p:1', 1000)).toBeUndefined();
  });

  it('after "Verify" asks each tag once more, then answers from the cache again', async () => {
    const cache = withTagRefresh(diskCache());
    await cache.putTag('r/p:1', ENTRY, 1000);
    cache.askAgain();
    expect(await cache.getTag('r/p:1', 0)).toBeUndefined();
    await cache.putTag('r/p:1', ENTRY, 1000);
    expect(await cache.getTag('r/p:1', 0)).toEqual(ENTRY);
  });

  it('keeps content by digest through "Verify": it cannot be stale', async () => {
    const cache = withTagRefresh(diskCache());
    const content = { bytes: new Uint8Array([1, 2]), mediaType: ENTRY.mediaType };
    await cache.putContent(ENTRY.digest, content);
    cache.askAgain();
    expect(await cache.getContent(ENTRY.digest)).toEqual(content);
  });
});
