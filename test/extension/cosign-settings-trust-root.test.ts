import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_POLICY } from '../../src/core/policy';
import { readCosignTrust } from '../../src/extension/cosign-settings';
import { cachedRootPath, sigstoreCacheDir } from '../../src/node/sigstore-root-cache';

const shipped = JSON.parse(readFileSync('assets/sigstore/public-good-trusted-root.json', 'utf8')) as {
  ctlogs: unknown[];
};
const values = { keys: [], identities: [], trustedRoot: '' };
const policy = { policy: DEFAULT_POLICY, dir: undefined };

let cacheHome: string;
let cacheFile: string;
beforeEach(() => {
  cacheHome = mkdtempSync(join(tmpdir(), 'extension-cache-'));
  vi.stubEnv('XDG_CACHE_HOME', cacheHome);
  const dir = sigstoreCacheDir({ XDG_CACHE_HOME: cacheHome }, '/nowhere');
  mkdirSync(dir, { recursive: true });
  cacheFile = cachedRootPath(dir);
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(cacheHome, { recursive: true, force: true });
});

describe('the extension without imageTrust.cosign.trustedRoot', () => {
  it('uses the trusted root `image-trust trust-root update` stored', () => {
    writeFileSync(cacheFile, JSON.stringify({ ...shipped, ctlogs: shipped.ctlogs.slice(0, 1) }));
    const { inputs, errors } = readCosignTrust(values, undefined, policy);
    expect(errors).toEqual([]);
    expect(inputs.trustedRoot.ctlogs).toHaveLength(1);
  });

  it('reports a corrupt cached root as TRUST_ROOT_CACHE_CORRUPT and keeps the shipped one', () => {
    writeFileSync(cacheFile, '{');
    const { inputs, errors } = readCosignTrust(values, undefined, policy);
    expect(errors.map((error) => error.code)).toEqual(['TRUST_ROOT_CACHE_CORRUPT']);
    expect(inputs.trustedRoot.ctlogs).toHaveLength(shipped.ctlogs.length);
  });

  it('ignores the cache when the setting names a trusted root', () => {
    writeFileSync(cacheFile, '{');
    const own = join(cacheHome, 'own.json');
    writeFileSync(own, JSON.stringify(shipped));
    expect(readCosignTrust({ ...values, trustedRoot: own }, undefined, policy).errors).toEqual([]);
  });
});
