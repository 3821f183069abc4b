import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpTransport } from '../../src/node/http-transport';
import { cachedRootPath, loadPreferredTrustedRoot, tufMetadataDir } from '../../src/node/sigstore-root-cache';
import { updateSigstoreTrustedRoot } from '../../src/node/sigstore-root-update';
import { rootMetadata, newTufKey, TufRepo } from './sigstore-root-repo';

const shipped = readFileSync('assets/sigstore/public-good-trusted-root.json', 'utf8');

/** A valid trusted root that differs from the shipped one: it keeps only the first `ctlogs` CT logs. */
function trustedRootWith(ctlogs: number): Buffer {
  const doc = JSON.parse(shipped) as { ctlogs: unknown[] };
  return Buffer.from(JSON.stringify({ ...doc, ctlogs: doc.ctlogs.slice(0, ctlogs) }));
}

let repo: TufRepo;
let http: ReturnType<typeof createHttpTransport>;
let cacheDir: string;
const update = () =>
  updateSigstoreTrustedRoot({
    cacheDir,
    mirror: repo.origin,
    initialRoot: repo.initialRoot,
    transport: http.transport,
  });

beforeEach(async () => {
  repo = await TufRepo.start();
  http = createHttpTransport();
  cacheDir = mkdtempSync(join(tmpdir(), 'sigstore-root-'));
});
afterEach(async () => {
  await repo.close();
  http.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('updateSigstoreTrustedRoot', () => {
  it('stores the trusted_root.json target the TUF repository signs, which the loader then prefers', async () => {
    repo.publish({ target: trustedRootWith(1), version: 1 });
    const result = await update();
    expect(result).toMatchObject({ rootVersion: 1, targetsVersion: 1, path: cachedRootPath(cacheDir) });
    expect(readFileSync(cachedRootPath(cacheDir))).toEqual(trustedRootWith(1));
    const preferred = loadPreferredTrustedRoot(cacheDir);
    expect(preferred.source).toBe('cache');
    expect(preferred.root.ctlogs).toHaveLength(1);
  });

  it('follows a root rotation signed by the previous root key', async () => {
    repo.publish({ target: trustedRootWith(1), version: 1 });
    repo.files.set('/2.root.json', rootMetadata(repo.keys, 2));
    await expect(update()).resolves.toMatchObject({ rootVersion: 2 });
  });

  it('starts from an expired TUF root when a newer root chains from it (the shipped root after its expiry)', async () => {
    const expired = rootMetadata(repo.keys, 1, [repo.keys.root], -10);
    repo.files.set('/2.root.json', rootMetadata(repo.keys, 2));
    repo.publish({ target: trustedRootWith(1), version: 1 });
    const fromExpired = updateSigstoreTrustedRoot({
      cacheDir,
      mirror: repo.origin,
      initialRoot: expired,
      transport: http.transport,
    });
    await expect(fromExpired).resolves.toMatchObject({ rootVersion: 2 });
  });

  it('fails with TRUST_ROOT_EXPIRED when the newest root is expired, and stores nothing', async () => {
    repo.files.set('/2.root.json', rootMetadata(repo.keys, 2, [repo.keys.root], -1));
    repo.publish({ target: trustedRootWith(1), version: 1 });
    await expect(update()).rejects.toMatchObject({ code: 'TRUST_ROOT_EXPIRED' });
    expect(existsSync(cachedRootPath(cacheDir))).toBe(false);
  });

  describe('when the repository is bad, fails with its code and keeps the previous cached root', () => {
    beforeEach(async () => {
      repo.publish({ target: trustedRootWith(1), version: 2 });
      await update();
    });
    const keepsPrevious = () => expect(readFileSync(cachedRootPath(cacheDir))).toEqual(trustedRootWith(1));

    it('an expired timestamp: TRUST_ROOT_EXPIRED', async () => {
      repo.publish({ target: trustedRootWith(2), version: 3, timestampDays: -1 });
      await expect(update()).rejects.toMatchObject({ code: 'TRUST_ROOT_EXPIRED' });
      keepsPrevious();
    });

    it('an expired snapshot: TRUST_ROOT_EXPIRED', async () => {
      repo.publish({ target: trustedRootWith(2), version: 3, snapshotDays: -1 });
      await expect(update()).rejects.toMatchObject({ code: 'TRUST_ROOT_EXPIRED' });
      keepsPrevious();
    });

    it('a target that is not the signed one: TRUST_ROOT_TARGET_MISMATCH', async () => {
      const signed = trustedRootWith(2);
      // Same length, other bytes: only the signed hash can tell.
      const tampered = Buffer.from(signed.toString().replace('"ctlogs"', '"ctlogZ"'));
      repo.publish({ target: signed, served: tampered, version: 3 });
      await expect(update()).rejects.toMatchObject({ code: 'TRUST_ROOT_TARGET_MISMATCH' });
      keepsPrevious();
    });

    it('a targets version older than the cached one: TRUST_ROOT_ROLLBACK', async () => {
      repo.publish({ target: trustedRootWith(2), version: 3, targetsVersion: 1 });
      await expect(update()).rejects.toMatchObject({ code: 'TRUST_ROOT_ROLLBACK' });
      keepsPrevious();
    });

    it('a new root signed by a key the trusted root does not name: TRUST_ROOT_BAD_SIGNATURE', async () => {
      repo.files.set('/2.root.json', rootMetadata(repo.keys, 2, [newTufKey()]));
      repo.publish({ target: trustedRootWith(2), version: 3 });
      await expect(update()).rejects.toMatchObject({ code: 'TRUST_ROOT_BAD_SIGNATURE' });
      keepsPrevious();
    });

    it('a target that verifies but is no trusted root: TRUST_ROOT_INVALID', async () => {
      repo.publish({ target: Buffer.from('{"mediaType":"text/plain"}'), version: 3 });
      await expect(update()).rejects.toMatchObject({ code: 'TRUST_ROOT_INVALID' });
      keepsPrevious();
    });

    it('a cached TUF root that is damaged: TRUST_ROOT_INVALID naming the file', async () => {
      const cachedTufRoot = join(tufMetadataDir(cacheDir, repo.origin), 'root.json');
      writeFileSync(cachedTufRoot, readFileSync(cachedTufRoot).subarray(0, 100));
      repo.publish({ target: trustedRootWith(2), version: 3 });
      const failure = update();
      await expect(failure).rejects.toMatchObject({ code: 'TRUST_ROOT_INVALID' });
      await expect(failure).rejects.toThrow(cachedTufRoot);
      keepsPrevious();
    });

    it('an unreachable mirror: TRUST_ROOT_UPDATE_FAILED naming the mirror', async () => {
      const mirror = repo.origin;
      await repo.close();
      const failure = update();
      await expect(failure).rejects.toMatchObject({ code: 'TRUST_ROOT_UPDATE_FAILED', details: { source: mirror } });
      repo = await TufRepo.start();
      keepsPrevious();
    });
  });
});
