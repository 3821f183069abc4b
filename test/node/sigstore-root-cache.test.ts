import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedRootPath, loadPreferredTrustedRoot, sigstoreCacheDir } from '../../src/node/sigstore-root-cache';

const shipped = JSON.parse(readFileSync('assets/sigstore/public-good-trusted-root.json', 'utf8')) as {
  tlogs: { publicKey: { validFor: Record<string, string> } }[];
};

let cacheDir: string;
beforeEach(() => {
  cacheDir = mkdtempSync(join(tmpdir(), 'sigstore-cache-'));
});
afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

const cache = (content: string) => writeFileSync(cachedRootPath(cacheDir), content);

describe('loadPreferredTrustedRoot', () => {
  it('uses the shipped root, without a warning, when nothing was updated', () => {
    const preferred = loadPreferredTrustedRoot(cacheDir);
    expect(preferred).toMatchObject({ source: 'shipped' });
    expect(preferred.warning).toBeUndefined();
    expect(preferred.root.tlogs).toHaveLength(shipped.tlogs.length);
  });

  it('prefers a valid cached root', () => {
    cache(JSON.stringify({ ...shipped, tlogs: shipped.tlogs.slice(0, 1) }));
    const preferred = loadPreferredTrustedRoot(cacheDir);
    expect(preferred).toMatchObject({ source: 'cache', path: cachedRootPath(cacheDir) });
    expect(preferred.root.tlogs).toHaveLength(1);
  });

  describe('falls back to the shipped root with TRUST_ROOT_CACHE_CORRUPT naming the file', () => {
    const corrupt = (expectation: () => void) => {
      expectation();
      const preferred = loadPreferredTrustedRoot(cacheDir);
      expect(preferred).toMatchObject({ source: 'shipped', warning: { code: 'TRUST_ROOT_CACHE_CORRUPT' } });
      expect(preferred.warning?.details.source).toBe(cachedRootPath(cacheDir));
      expect(preferred.root.tlogs).toHaveLength(shipped.tlogs.length);
    };

    it('for a truncated file', () => corrupt(() => cache(JSON.stringify(shipped).slice(0, 200))));

    it('for JSON that is not a trusted root', () => corrupt(() => cache('{"mediaType":"application/json"}')));

    it('for a log key without a validity start', () => {
      const [first, ...rest] = shipped.tlogs;
      const unstarted = { ...first, publicKey: { ...first?.publicKey, validFor: {} } };
      corrupt(() => cache(JSON.stringify({ ...shipped, tlogs: [unstarted, ...rest] })));
    });

    it('for a path that cannot be read as a file', () => corrupt(() => mkdirSync(cachedRootPath(cacheDir))));
  });
});

describe('sigstoreCacheDir', () => {
  it('is under XDG_CACHE_HOME when set, else ~/.cache', () => {
    expect(sigstoreCacheDir({ XDG_CACHE_HOME: '/x' }, '/home/u')).toBe('/x/image-trust/sigstore');
    expect(sigstoreCacheDir({ XDG_CACHE_HOME: '' }, '/home/u')).toBe('/home/u/.cache/image-trust/sigstore');
  });
});
