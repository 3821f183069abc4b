import { mkdtemp, rm, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiskTrustStore, defaultTrustRoot } from '../../src/node/notary-trust-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trust-store-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('createDiskTrustStore', () => {
  it('gives back what it saved for the same GUN only', async () => {
    const store = createDiskTrustStore(dir);
    await store.save('r/a', { root: new Uint8Array([1, 2, 3]), versions: { root: 1, timestamp: 4 } });
    expect(await store.load('r/a')).toEqual({ root: new Uint8Array([1, 2, 3]), versions: { root: 1, timestamp: 4 } });
    expect(await store.load('r/b')).toBeUndefined();
  });

  it('reads a damaged file as nothing pinned', async () => {
    const store = createDiskTrustStore(dir);
    await store.save('r/a', { root: new Uint8Array([1]), versions: {} });
    const [file] = await readdir(dir);
    await writeFile(join(dir, file ?? ''), '{');
    expect(await store.load('r/a')).toBeUndefined();
  });
});

describe('defaultTrustRoot', () => {
  it('lives under XDG_CACHE_HOME, else ~/.cache', () => {
    expect(defaultTrustRoot({ XDG_CACHE_HOME: '/x' }, '/home/u')).toBe('/x/image-trust/notary');
    expect(defaultTrustRoot({}, '/home/u')).toBe('/home/u/.cache/image-trust/notary');
  });
});
