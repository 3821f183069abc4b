import { describe, expect, it } from 'vitest';
import { documentsOnlyCache } from '../../../src/core/ipfs/documents-only-cache';
import { createMemoryCache } from '../../../src/core/registry/memory-cache';

describe('documentsOnlyCache', () => {
  it('keeps content up to the cap and drops larger blobs', async () => {
    const cache = documentsOnlyCache(createMemoryCache(), 4);
    await cache.putContent('sha256:small', { bytes: new Uint8Array(4), mediaType: 'm' });
    await cache.putContent('sha256:large', { bytes: new Uint8Array(5), mediaType: 'l' });
    expect(await cache.getContent('sha256:small')).toBeDefined();
    expect(await cache.getContent('sha256:large')).toBeUndefined();
  });
});
