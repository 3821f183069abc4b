import { describe, expect, it } from 'vitest';
import type { RootSigned, SignedFile, TargetsSigned } from '../../../../src/core/trust/notary/metadata';
import { parseSignedFile } from '../../../../src/core/trust/notary/parse-metadata';
import { createMemoryTrustStore } from '../../../../src/core/trust/notary/ports';
import { verifyRole } from '../../../../src/core/trust/notary/role-fetch';
import { verifyNotExpired } from '../../../../src/core/trust/notary/expiry';
import { verifyThreshold } from '../../../../src/core/trust/notary/threshold';
import { verifyRoot } from '../../../../src/core/trust/notary/root-chain';
import { verifyDct } from '../../../../src/core/trust/notary/verify-dct';
import { CONNAISSEUR, directorySource, readBytes } from './peer-fixtures';

// The synthetic connaisseur sets are signed by a root certificate for CN=securesystems.de, not for a GUN.
const SYNTHETIC_GUN = 'securesystems.de';
const NOW = Date.parse('2026-12-01T00:00:00Z');
const data = (name: string) => readBytes(`${CONNAISSEUR}trust_data/${name}.json`);
const rootOf = (name: string): SignedFile<RootSigned> => parseSignedFile('root', data(name), 'Root');
const targetsOf = (name: string, role = 'targets'): SignedFile<TargetsSigned> =>
  parseSignedFile(role, data(name), 'Targets');
const ctx = { gun: SYNTHETIC_GUN, source: directorySource('/nonexistent/').source, referenceTime: NOW, seen: {} };

function checkBase(role: 'targets' | 'snapshot', name: string) {
  const root = rootOf('never-expire-image/root').signed;
  const type = role === 'targets' ? 'Targets' : 'Snapshot';
  return () => verifyRole(ctx, parseSignedFile(role, data(name), type), root.roles[role], root.keys);
}

function checkDelegation(name: string) {
  const parent = targetsOf('never-expire-with-delegations-image/targets').signed.delegations;
  const role = parent.roles.find((r) => r.name === 'targets/del1');
  if (role === undefined) throw new Error('fixture has no targets/del1');
  return () => verifyRole(ctx, targetsOf(name, 'targets/del1'), role, parent.keys);
}

describe('connaisseur roles', () => {
  describe('base roles signed by the never-expire root', () => {
    it('verify', () => {
      expect(checkBase('targets', 'never-expire-image/targets')()).toHaveLength(1);
      expect(checkBase('snapshot', 'never-expire-image/snapshot')()).toHaveLength(1);
    });
    it('fail with TUF_BAD_SIGNATURE when targets carries an invalid signature', () => {
      expect(checkBase('targets', '02_invalid_signature_targets')).toThrow(
        expect.objectContaining({ code: 'TUF_BAD_SIGNATURE' }),
      );
    });
    it('fail with TUF_EXPIRED when the snapshot expired', () => {
      expect(checkBase('snapshot', '03_expired_snapshot')).toThrow(
        expect.objectContaining({ code: 'TUF_EXPIRED', details: expect.objectContaining({ role: 'snapshot' }) }),
      );
    });
  });

  describe('delegations signed by the keys their parent lists', () => {
    it('verify', () => {
      expect(checkDelegation('never-expire-with-delegations-image/targets/del1')()).toHaveLength(1);
    });
    it('fail with TUF_BAD_SIGNATURE when the signature is invalid', () => {
      expect(checkDelegation('04_invalid_signature_delegation')).toThrow(
        expect.objectContaining({ code: 'TUF_BAD_SIGNATURE' }),
      );
    });
    it('fail with TUF_EXPIRED when the delegation expired', () => {
      expect(checkDelegation('05_expired_delegation')).toThrow(expect.objectContaining({ code: 'TUF_EXPIRED' }));
    });
  });

  describe('roots', () => {
    const establish = (name: string) => verifyRoot({ ...ctx, maxRootBytes: 1 << 20 }, rootOf(name), undefined, {});
    const selfSigned = (name: string) => () => {
      const root = rootOf(name);
      return verifyThreshold(root, root.signed.roles.root, root.signed.keys);
    };
    it('are refused as notary refuses them: the root certificate is a CA, not a leaf (TUF_ROOT_INVALID)', async () => {
      await expect(establish('never-expire-image/root')).rejects.toMatchObject({ code: 'TUF_ROOT_INVALID' });
    });
    it('meet their threshold with one or two signatures', () => {
      expect(selfSigned('never-expire-image/root')()).toHaveLength(1);
      expect(selfSigned('07_root_multiple_signatures')()).toHaveLength(1);
    });
    it('fail with TUF_THRESHOLD when unsigned', () => {
      expect(selfSigned('06_no_signature_root')).toThrow(expect.objectContaining({ code: 'TUF_THRESHOLD' }));
    });
    it('fail with TUF_EXPIRED when expired', () => {
      const root = rootOf('01_expired_root');
      expect(() => verifyNotExpired('root', root.signed.expires, NOW)).toThrow(
        expect.objectContaining({ code: 'TUF_EXPIRED' }),
      );
    });
  });
});

describe('connaisseur repositories end to end', () => {
  const verifyImage = (image: string, gun: string, tag: string, digest: string, size: number, at = NOW) =>
    verifyDct(
      { gun, tag, digest, size },
      {
        source: directorySource(`${CONNAISSEUR}trust_data_wire/${image}/`).source,
        store: createMemoryTrustStore(),
        referenceTime: at,
      },
    );

  // alice-image:test is signed through three delegations; its metadata was valid in October 2019.
  const verifyAliceTest = (digest: string) =>
    verifyImage(
      'alice-image',
      'docker.io/phbelitz/alice-image',
      'test',
      digest,
      1993,
      Date.parse('2019-10-01T00:00:00Z'),
    );

  it('verify alice-image:test signed by targets/releases and two more delegations', async () => {
    const digest = 'sha256:ac904c9b191d14faf54b7952f2650a4bb21c201bf34131388b851e8ce992a652';
    const evidence = await verifyAliceTest(digest);
    expect(evidence).toMatchObject({
      signed: true,
      signers: ['targets/releases', 'targets/phbelitz', 'targets/chamsen'],
    });
  });

  it('fail with DCT_DIGEST_MISMATCH when the registry serves another digest', async () => {
    const digest = `sha256:${'0'.repeat(64)}`;
    const evidence = await verifyAliceTest(digest);
    expect(evidence).toMatchObject({ signed: false, codes: ['DCT_DIGEST_MISMATCH'] });
  });

  it('fail with DCT_NOT_SIGNED for an unknown tag', async () => {
    const evidence = await verifyImage(
      'alice-image',
      'docker.io/phbelitz/alice-image',
      'nope',
      `sha256:${'0'.repeat(64)}`,
      1,
      Date.parse('2019-10-01T00:00:00Z'),
    );
    expect(evidence.codes).toEqual(['DCT_NOT_SIGNED']);
  });

  it('reject the synthetic sets, whose root key is a CA certificate (TUF_ROOT_INVALID)', async () => {
    const evidence = await verifyImage(
      'never-expire-image',
      'docker.io/library/never-expire-image',
      'v1',
      'sha256:x',
      1,
    );
    expect(evidence.codes).toEqual(['TUF_ROOT_INVALID']);
  });

  it('reject Docker Hub data for another GUN than its root certificate names (TUF_ROOT_GUN_MISMATCH)', async () => {
    const at = Date.parse('2019-10-01T00:00:00Z');
    const evidence = await verifyImage('alice-image', 'docker.io/phbelitz/sample-image', 'test', 'sha256:x', 1, at);
    expect(evidence.codes).toEqual(['TUF_ROOT_GUN_MISMATCH']);
  });

  it('reject err-image, whose root.json holds a snapshot, with TUF_WRONG_TYPE', async () => {
    const evidence = await verifyImage('err-image', SYNTHETIC_GUN, 'v1', 'sha256:x', 1);
    expect(evidence.codes).toEqual(['TUF_WRONG_TYPE']);
  });
});
