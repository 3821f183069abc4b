import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { injectRig } from '../rig/inject-rig';
import { captureIo } from '../support/capture-io';
import { makeTempTree } from '../support/temp-dir';
import { sigstoreOf, verifyJson } from './sigstore-support';

describe('image-trust verify against Sigstore signatures of a private Fulcio/Rekor on the real registry', () => {
  const rig = injectRig();
  const s = sigstoreOf(rig);
  const ref = (tag: string) => `${s.repository}:${tag}`;
  let home: { root: string; remove: () => Promise<void> };
  beforeAll(async () => void (home = await makeTempTree({})));
  afterAll(() => home.remove());
  const verify = (...args: string[]) => verifyJson(rig, home.root, args);
  const cosignOf = async (...args: string[]) => {
    const { status, rows } = await verify(...args);
    return { status, cosign: rows[0]?.cosign };
  };

  describe('a keyless .sig signature with a Rekor SET', () => {
    it('verifies for the signer’s identity and issuer against the trusted root given', async () => {
      const { status, cosign } = await cosignOf(...s.rootFlags, ...s.identityFlags, ref('keyless-sig'));
      expect(status).toBe(0);
      expect(cosign).toMatchObject({ verified: true, codes: [], signedLevels: 'manifest' });
      expect(cosign?.signatures).toEqual([
        expect.objectContaining({ identity: s.identity, issuer: s.issuer, source: 'sig-tag', tlogEntries: 1 }),
      ]);
    });

    it.each([
      [
        'another identity',
        [
          '--certificate-identity',
          'https://github.com/acme/other/.github/workflows/x.yml@refs/heads/main',
          '--certificate-oidc-issuer',
          'https://token.actions.githubusercontent.com',
        ],
      ],
      [
        'a prefix of the identity',
        [
          '--certificate-identity',
          'https://github.com/acme/app',
          '--certificate-oidc-issuer',
          'https://token.actions.githubusercontent.com',
        ],
      ],
      [
        'another issuer',
        [
          '--certificate-identity-regexp',
          '^https://github\\.com/acme/',
          '--certificate-oidc-issuer',
          'https://accounts.google.com',
        ],
      ],
    ])('fails with COSIGN_IDENTITY_MISMATCH for %s', async (_, flags) => {
      const { status, cosign } = await cosignOf(...s.rootFlags, ...flags, ref('keyless-sig'));
      expect(status).toBe(1);
      expect(cosign).toMatchObject({ signed: true, verified: false, codes: ['COSIGN_IDENTITY_MISMATCH'] });
    });

    it('fails with COSIGN_UNTRUSTED_CERTIFICATE against the public-good root shipped with the tool', async () => {
      const { cosign } = await cosignOf(...s.identityFlags, ref('keyless-sig'));
      expect(cosign).toMatchObject({ verified: false, codes: ['COSIGN_UNTRUSTED_CERTIFICATE'] });
    });
  });

  describe('a v3 DSSE bundle stored as a referrer (tag-schema fallback: registry 2.8 has no referrers API)', () => {
    it('verifies with the key and says the referrers came from the fallback tag', async () => {
      const { status, cosign } = await cosignOf(
        ...s.rootFlags,
        '--key',
        s.keyFile,
        '--require-tlog',
        ref('key-bundle'),
      );
      expect(status).toBe(0);
      expect(cosign?.signatures).toEqual([expect.objectContaining({ source: 'referrer', tlogEntries: 1 })]);
      expect(cosign?.levels).toEqual([expect.objectContaining({ level: 'manifest', referrersVia: 'tag' })]);
    });

    it('fails with COSIGN_UNTRUSTED_KEY for another key', async () => {
      const other = rig.cosign?.keyFile ?? '';
      const { cosign } = await cosignOf(...s.rootFlags, '--key', other, ref('key-bundle'));
      expect(cosign).toMatchObject({ signed: true, verified: false, codes: ['COSIGN_UNTRUSTED_KEY'] });
    });

    it('fails with COSIGN_DIGEST_MISMATCH for a valid bundle whose statement names another image', async () => {
      const { status, cosign } = await cosignOf(...s.rootFlags, '--key', s.keyFile, ref('copied-bundle'));
      expect(status).toBe(1);
      expect(cosign).toMatchObject({ verified: false, codes: ['COSIGN_DIGEST_MISMATCH'] });
    });
  });

  it('fails with COSIGN_TLOG_MISMATCH for a key signature carrying another signature’s Rekor entry', async () => {
    const { cosign } = await cosignOf(...s.rootFlags, '--key', s.keyFile, ref('rekor-mismatch'));
    expect(cosign).toMatchObject({ signed: true, verified: false, codes: ['COSIGN_TLOG_MISMATCH'] });
  });

  describe('a BuildKit index signed keylessly at the index (DSSE) and at linux/amd64 (message signature)', () => {
    it('verifies both levels and lists the provenance and SBOM attestations', async () => {
      const { status, cosign } = await cosignOf(...s.rootFlags, ...s.identityFlags, ref('keyless-index'));
      expect(status).toBe(0);
      expect(cosign).toMatchObject({ verified: true, signedLevels: 'both' });
      expect(cosign?.signatures.map((x) => [x.level, x.platform, x.source])).toEqual([
        ['index', undefined, 'referrer'],
        ['platform', 'linux/amd64', 'referrer'],
      ]);
      expect(cosign?.levels?.map((l) => [l.platform ?? l.level, l.signed])).toEqual([
        ['index', true],
        ['linux/amd64', true],
        ['linux/arm64', false],
      ]);
      expect(cosign?.attestations?.map((a) => [a.kind, a.source, a.platform ?? a.level])).toEqual([
        ['provenance', 'buildkit', 'linux/amd64'],
        ['sbom', 'buildkit', 'linux/amd64'],
        ['sbom', 'referrers', 'index'],
      ]);
    });
  });

  it('prints keyless signers, signed levels and attestations as text', async () => {
    const captured = captureIo(home.root, { HOME: home.root, XDG_CACHE_HOME: `${home.root}/cache` });
    const args = [
      'verify',
      '--ca-file',
      rig.tls.caFile,
      '--notary-server',
      rig.notary.url,
      ...s.rootFlags,
      ...s.identityFlags,
    ];
    expect(await runCli([...args, ref('keyless-index')], captured.io)).toBe(0);
    const text = captured.stdout();
    expect(text).toMatch(/cosign +verified \(signed levels: both\)/);
    expect(text).toContain(`(${s.identity} from ${s.issuer}, bundle referrer, in Rekor)`);
    expect(text).toMatch(/attests +provenance +linux\/amd64 \(buildkit: https:\/\/slsa\.dev\/provenance\/v0\.2\)/);
  });
});
