import { describe, expect, it } from 'vitest';
import { verifyCosign, type CosignKey, type SignatureSource } from '../../../../src/core/trust/sigstore';
import {
  connaisseurDigest,
  connaisseurKey,
  connaisseurSource,
  containersImageFixture,
  containersImageKey,
} from './peer-fixtures';

const TESTIMAGE = 'docker.io/securesystemsengineering/testimage';
const SAMPLE = '192.168.64.2:5000/cosign-signed-single-sample';

function verify(repository: string, digest: string, source: SignatureSource, keys: CosignKey[]) {
  return verifyCosign({ repository, digest, isIndex: false, platforms: [] }, { source, keys });
}

describe('verifyCosign on connaisseur’s mock registry', () => {
  const alice = connaisseurKey('alice');
  const bob = connaisseurKey('bob');
  const charlie = connaisseurKey('charlie');

  it('verifies multi-cosigned-alice with alice’s key', async () => {
    const evidence = await verify(TESTIMAGE, connaisseurDigest('multi-cosigned-alice'), connaisseurSource, [alice]);
    expect(evidence).toMatchObject({ signed: true, verified: true, codes: [] });
    expect(evidence.signatures).toEqual([
      {
        keyId: alice.keyId,
        level: 'manifest',
        digest: connaisseurDigest('multi-cosigned-alice'),
        source: 'sig-tag',
        tlogEntries: 0,
      },
    ]);
  });

  it('names every given key among alice, bob and charlie that signed, one layer each', async () => {
    const digest = connaisseurDigest('multi-cosigned-alice-bob-charlie');
    const evidence = await verify(TESTIMAGE, digest, connaisseurSource, [charlie, alice, bob]);
    expect(evidence.verified).toBe(true);
    expect(evidence.signatures.map((s) => s.keyId)).toEqual([alice.keyId, bob.keyId, charlie.keyId]);
  });

  it('fails with COSIGN_UNTRUSTED_KEY when the image is signed by alice only and bob’s key is given', async () => {
    const evidence = await verify(TESTIMAGE, connaisseurDigest('multi-cosigned-alice'), connaisseurSource, [bob]);
    expect(evidence).toMatchObject({ signed: true, verified: false, codes: ['COSIGN_UNTRUSTED_KEY'] });
  });

  it('fails with COSIGN_NOT_SIGNED for co-unsigned', async () => {
    const evidence = await verify(TESTIMAGE, connaisseurDigest('co-unsigned'), connaisseurSource, [alice]);
    expect(evidence).toMatchObject({ signed: false, verified: false, codes: ['COSIGN_NOT_SIGNED'] });
  });
});

describe('verifyCosign on containers/image cosign fixtures', () => {
  const cosign = containersImageKey('cosign');
  const cosign2 = containersImageKey('cosign2');

  it.each(['dir-img-cosign-valid', 'dir-img-cosign-valid-2', 'dir-img-cosign-mixed', 'dir-img-cosign-valid-with-tag'])(
    'verifies %s with cosign.pub',
    async (dir) => {
      const { digest, source } = containersImageFixture(dir);
      expect(await verify(SAMPLE, digest, source, [cosign2, cosign])).toMatchObject({ verified: true, failures: [] });
    },
  );

  it.each([
    ['dir-img-cosign-modified-manifest', 'COSIGN_DIGEST_MISMATCH'],
    ['dir-img-cosign-manifest-digest-error', 'COSIGN_DIGEST_MISMATCH'],
    ['dir-img-cosign-other-attachment', 'COSIGN_MALFORMED_SIGNATURE'],
    ['dir-img-cosign-key-rekor-valid', 'COSIGN_UNTRUSTED_KEY'],
  ])('rejects %s with %s', async (dir, code) => {
    const { digest, source } = containersImageFixture(dir);
    expect(await verify(SAMPLE, digest, source, [cosign])).toMatchObject({ verified: false, codes: [code] });
  });

  it('reports COSIGN_REFERENCE_MISMATCH when a valid signature names another repository', async () => {
    const { digest, source } = containersImageFixture('dir-img-cosign-valid');
    const evidence = await verify('docker.io/testing/manifest', digest, source, [cosign]);
    expect(evidence).toMatchObject({ verified: true, codes: ['COSIGN_REFERENCE_MISMATCH'] });
  });

  it('ignores the tag of a containers/image docker-reference when comparing repositories', async () => {
    const { digest, source } = containersImageFixture('dir-img-cosign-valid-with-tag');
    const evidence = await verify('192.168.64.2:5000/skopeo-signed', digest, source, [cosign]);
    expect(evidence.codes).toEqual([]);
  });
});
