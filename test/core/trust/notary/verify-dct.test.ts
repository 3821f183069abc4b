import { beforeEach, describe, expect, it } from 'vitest';
import { createMemoryTrustStore, type MetadataRequest, type TrustStore } from '../../../../src/core/trust/notary/ports';
import { verifyDct, type DctSubject } from '../../../../src/core/trust/notary/verify-dct';
import { daysFromNow, NOW, TestRepo, type Delegation } from './test-repo';
import { certificateSigner, ecdsaSigner, targetMeta } from './tuf-builder';

const GUN = 'registry.example:5000/demo/app';
const V1 = { digest: `sha256:${'a1'.repeat(32)}`, size: 345 };
const V2 = { digest: `sha256:${'b2'.repeat(32)}`, size: 499 };
const subject = (tag: string, image = V1): DctSubject => ({ gun: GUN, tag, ...image });

let repo: TestRepo;
let store: TrustStore;
const verify = (s: DctSubject, files?: Record<string, Uint8Array>, options = {}) =>
  verifyDct(s, { source: repo.source(files), store, referenceTime: NOW, options });

function withReleases(signers = [ecdsaSigner()], threshold = 1, more: Partial<Delegation> = {}) {
  const targets = { v2: targetMeta(V2.digest, V2.size) };
  repo.delegations = [{ name: 'targets/releases', signers, threshold, paths: [''], targets, ...more }];
}

beforeEach(() => {
  repo = new TestRepo(GUN);
  repo.targets = { v1: targetMeta(V1.digest, V1.size) };
  withReleases();
  repo.publish();
  store = createMemoryTrustStore();
});

describe('verifyDct', () => {
  describe('on intact trust data', () => {
    it('reports the signer roles, every expiry and the root pinned on first use', async () => {
      const evidence = await verify(subject('v2', V2));
      expect(evidence).toMatchObject({ signed: true, signers: ['targets/releases'], codes: [], rootPin: 'tofu' });
      expect(Object.keys(evidence.expires).sort()).toEqual([
        'root',
        'snapshot',
        'targets',
        'targets/releases',
        'timestamp',
      ]);
      expect(evidence.expires.timestamp).toBe(daysFromNow(14));
    });

    it('uses the pinned root the second time', async () => {
      await verify(subject('v1'));
      expect((await verify(subject('v1'))).rootPin).toBe('pinned');
    });

    it('finds a tag in targets/releases before targets', async () => {
      repo.targets = { v2: targetMeta(V1.digest, V1.size) };
      repo.publish();
      expect(await verify(subject('v2', V2))).toMatchObject({ signed: true, signers: ['targets/releases'] });
    });

    it('updates once for many tags of a repository in one operation', async () => {
      let fetches = 0;
      const inner = repo.source();
      const source = { fetch: (request: MetadataRequest) => ((fetches += 1), inner.fetch(request)) };
      const deps = { source, store, referenceTime: NOW, updates: new Map() };
      const results = await Promise.all([verifyDct(subject('v1'), deps), verifyDct(subject('v2', V2), deps)]);
      expect(results.map((r) => r.signed)).toEqual([true, true]);
      expect(fetches).toBe(5);
    });

    it('counts distinct keys towards a delegation threshold of two', async () => {
      withReleases([ecdsaSigner(), ecdsaSigner()], 2);
      repo.publish();
      expect((await verify(subject('v2', V2))).signed).toBe(true);
    });
  });

  describe('when the registry digest differs from the signed one', () => {
    it('fails with DCT_DIGEST_MISMATCH', async () => {
      expect((await verify(subject('v1', V2))).codes).toEqual(['DCT_DIGEST_MISMATCH']);
    });
  });

  describe('when the tag is not signed', () => {
    it('fails with DCT_NOT_SIGNED', async () => {
      expect((await verify(subject('v9'))).codes).toEqual(['DCT_NOT_SIGNED']);
    });
  });

  describe('when the server has no trust data for the repository', () => {
    it('fails with DCT_NO_TRUST_DATA', async () => {
      expect((await verify(subject('v1'), {})).codes).toEqual(['DCT_NO_TRUST_DATA']);
    });
  });

  describe('when a delegation signs outside its paths', () => {
    it('ignores that target (DCT_NOT_SIGNED)', async () => {
      withReleases([ecdsaSigner()], 1, { paths: ['v1'] });
      repo.publish();
      expect((await verify(subject('v2', V2))).codes).toEqual(['DCT_NOT_SIGNED']);
    });
  });

  describe('when a signature is tampered with', () => {
    it('fails with TUF_BAD_SIGNATURE', async () => {
      repo.corrupt.add('targets');
      repo.publish();
      expect((await verify(subject('v1'))).failures).toEqual([
        expect.objectContaining({ code: 'TUF_BAD_SIGNATURE', role: 'targets' }),
      ]);
    });
  });

  describe('when a role is signed by a key it does not trust', () => {
    it('fails with TUF_WRONG_KEY', async () => {
      repo.signOverride.snapshot = [ecdsaSigner()];
      repo.publish();
      expect((await verify(subject('v1'))).failures).toEqual([
        expect.objectContaining({ code: 'TUF_WRONG_KEY', role: 'snapshot' }),
      ]);
    });
  });

  describe('when a delegation threshold is not met', () => {
    it('skips the delegation with TUF_THRESHOLD and its tag is not signed', async () => {
      const [a, b] = [ecdsaSigner(), ecdsaSigner()];
      withReleases([a, b], 2, { signWith: [a] });
      repo.publish();
      const evidence = await verify(subject('v2', V2));
      expect(evidence).toMatchObject({ signed: false, codes: ['DCT_NOT_SIGNED', 'TUF_THRESHOLD'] });
    });
  });

  describe.each(['timestamp', 'snapshot', 'targets', 'root'])('when the %s expired', (role) => {
    it('fails with TUF_EXPIRED naming the role', async () => {
      repo.expires[role] = -1;
      repo.files = {};
      repo.publish();
      expect((await verify(subject('v1'))).failures).toEqual([expect.objectContaining({ code: 'TUF_EXPIRED', role })]);
    });
  });

  describe('when targets/releases expired', () => {
    it('skips it with TUF_EXPIRED, as notary does, and its tag is not signed', async () => {
      repo.expires['targets/releases'] = -1;
      repo.publish();
      const evidence = await verify(subject('v2', V2));
      expect(evidence.failures).toContainEqual(
        expect.objectContaining({ code: 'TUF_EXPIRED', role: 'targets/releases' }),
      );
      expect(evidence.signed).toBe(false);
    });
  });

  describe('when an older version is served after a newer one was seen', () => {
    it('fails with TUF_ROLLBACK and keeps the newer floor', async () => {
      const old = { ...repo.files };
      repo.publish();
      await verify(subject('v1'));
      expect((await verify(subject('v1'), old)).failures).toEqual([
        expect.objectContaining({ code: 'TUF_ROLLBACK', role: 'timestamp' }),
      ]);
      expect((await store.load(GUN))?.versions.timestamp).toBe(2);
    });
  });

  describe('when the snapshot names another targets version (mix-and-match)', () => {
    it('fails with TUF_HASH_MISMATCH', async () => {
      const oldTargets = repo.files.targets ?? new Uint8Array();
      repo.publish();
      expect((await verify(subject('v1'), { ...repo.files, targets: oldTargets })).codes).toEqual([
        'TUF_HASH_MISMATCH',
      ]);
    });
  });

  describe('when an update fails on first use', () => {
    it('records nothing', async () => {
      repo.corrupt.add('timestamp');
      repo.publish();
      await verify(subject('v1'));
      expect(await store.load(GUN)).toBeUndefined();
    });
  });

  describe('when the root rotates', () => {
    it('accepts a new root signed by the pinned root keys', async () => {
      await verify(subject('v1'));
      repo.rootCosigners = repo.rootSigners;
      repo.rootSigners = [certificateSigner(GUN)];
      repo.publishRoot();
      repo.publish();
      expect(await verify(subject('v1'))).toMatchObject({ signed: true, rootPin: 'rotated' });
    });

    it('chains through intermediate roots it fetches by version', async () => {
      await verify(subject('v1'));
      for (let i = 0; i < 2; i++) {
        repo.rootCosigners = repo.rootSigners;
        repo.rootSigners = [certificateSigner(GUN)];
        repo.publishRoot();
      }
      repo.publish();
      expect(await verify(subject('v1'))).toMatchObject({ signed: true, rootPin: 'rotated' });
    });

    it('fails with TUF_ROOT_CHANGED when the pinned keys did not sign the new root', async () => {
      await verify(subject('v1'));
      repo.rootSigners = [certificateSigner(GUN)];
      repo.publishRoot();
      repo.publish();
      expect((await verify(subject('v1'))).codes).toEqual(['TUF_ROOT_CHANGED']);
    });
  });

  describe('when trust data expires within the window', () => {
    it('warns with the date for what the publisher signs, never for the timestamp', async () => {
      repo.expires = { root: 3650, targets: 10, snapshot: 1095, timestamp: 2, 'targets/releases': 40 };
      repo.files = {};
      repo.publish();
      const evidence = await verify(subject('v1'));
      expect(evidence.warnings).toEqual([
        expect.objectContaining({
          code: 'TUF_EXPIRES_SOON',
          role: 'targets',
          date: daysFromNow(10),
          daysLeft: 10,
        }),
      ]);
      expect(evidence).toMatchObject({ signed: true, codes: ['TUF_EXPIRES_SOON'] });
    });

    it('takes the window from the options', async () => {
      repo.expires['targets/releases'] = 40;
      repo.publish();
      const evidence = await verify(subject('v1'), undefined, { expiryWarningDays: 60 });
      expect(evidence.warnings.map((w) => w.role)).toEqual(['targets/releases']);
    });
  });

  describe('when a root certificate expires within the window', () => {
    it('warns with its notAfter', async () => {
      repo.rootSigners = [certificateSigner(GUN, 5)];
      repo.files = {};
      repo.publish();
      const evidence = await verify(subject('v1'));
      expect(evidence.warnings).toEqual([expect.objectContaining({ code: 'TUF_CERT_EXPIRES_SOON', role: 'root' })]);
    });
  });
});
