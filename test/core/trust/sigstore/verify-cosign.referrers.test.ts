import { generateKeyPairSync, sign } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { RegistryError } from '../../../../src/core/registry/registry-error';
import {
  parseCosignKey,
  parseTrustedRoot,
  verifyCosign,
  type CosignDeps,
  type IdentityPolicy,
} from '../../../../src/core/trust/sigstore';
import { createSigstoreAuthority, type SigstoreAuthority } from '../../../rig/sigstore-authority';
import { cosignStatement, dsseBundle, messageBundle, type RigSigner } from '../../../rig/sigstore-signing';
import { MemoryRegistry } from './memory-registry';

const REPO = 'registry.test/acme/app';
const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const COSIGN_SIG = 'application/vnd.dev.cosign.artifact.sig.v1+json';
const SIMPLE_SIGNING = 'application/vnd.dev.cosign.simplesigning.v1+json';
const IDENTITY = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
const ISSUER = 'https://token.actions.githubusercontent.com';
const keyPair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const key: RigSigner = { kind: 'key', ...keyPair };
const cosignKey = parseCosignKey(keyPair.publicKey.export({ format: 'pem', type: 'spki' }).toString(), 'key.pub');
const keyless: RigSigner = { kind: 'keyless', identity: IDENTITY, issuer: ISSUER };
const exact = (subject: string): IdentityPolicy => ({
  subject: { kind: 'exact', value: subject },
  issuer: { kind: 'exact', value: ISSUER },
});

// In-process Fulcio/Rekor (@sigstore/mock): real signatures, certificates and log entries, no server.
let authority: SigstoreAuthority;
let deps: Omit<CosignDeps, 'source'>;
beforeAll(async () => {
  authority = await createSigstoreAuthority();
  const trustedRoot = parseTrustedRoot(JSON.stringify(authority.trustedRoot), 'rig root');
  deps = { keys: [cosignKey], identities: [exact(IDENTITY)], trustedRoot, requireTlog: true };
});

const verify = (registry: MemoryRegistry, digest: string, extra: Partial<CosignDeps> = {}) =>
  verifyCosign(
    { repository: REPO, digest, isIndex: false, platforms: [] },
    { ...deps, source: registry.source, ...extra },
  );

describe('verifyCosign › Sigstore bundles stored as OCI 1.1 referrers', () => {
  it('verifies a keyless DSSE bundle over the digest and says the API listed it', async () => {
    const registry = new MemoryRegistry();
    const digest = registry.image('a');
    registry.attach(digest, BUNDLE, await dsseBundle(authority, cosignStatement(REPO, digest), keyless));
    const evidence = await verify(registry, digest);
    expect(evidence).toMatchObject({ verified: true, codes: [], levels: [{ referrersVia: 'api' }] });
    expect(evidence.signatures).toEqual([expect.objectContaining({ identity: IDENTITY, source: 'referrer' })]);
  });

  it('verifies a message-signature bundle over the manifest bytes with the key', async () => {
    const registry = new MemoryRegistry();
    const digest = registry.image('b');
    registry.attach(
      digest,
      BUNDLE,
      await messageBundle(authority, Buffer.from(await registry.source.fetchManifest(digest)), key),
    );
    expect(await verify(registry, digest)).toMatchObject({ verified: true, signatures: [{ keyId: cosignKey.keyId }] });
  });

  it('fails with COSIGN_DIGEST_MISMATCH for a message signature over another manifest', async () => {
    const registry = new MemoryRegistry();
    const [digest, other] = [registry.image('c'), registry.image('d')];
    registry.attach(
      digest,
      BUNDLE,
      await messageBundle(authority, Buffer.from(await registry.source.fetchManifest(other)), key),
    );
    expect(await verify(registry, digest)).toMatchObject({ verified: false, codes: ['COSIGN_DIGEST_MISMATCH'] });
  });

  it('fails with COSIGN_IDENTITY_MISMATCH when the keyless signer is not the identity given', async () => {
    const registry = new MemoryRegistry();
    const digest = registry.image('e');
    registry.attach(digest, BUNDLE, await dsseBundle(authority, cosignStatement(REPO, digest), keyless));
    const evidence = await verify(registry, digest, { identities: [exact('https://github.com/acme/app')] });
    expect(evidence).toMatchObject({ verified: false, codes: ['COSIGN_IDENTITY_MISMATCH'] });
  });

  describe('a DSSE bundle with another predicate', () => {
    const provenance = async (registry: MemoryRegistry, digest: string) => {
      const statement = { ...cosignStatement(REPO, digest), predicateType: 'https://slsa.dev/provenance/v1' };
      registry.attach(digest, BUNDLE, await dsseBundle(authority, statement, keyless));
    };

    it('is an attestation, not a signature, signed by the identity given', async () => {
      const registry = new MemoryRegistry();
      const digest = registry.image('f');
      await provenance(registry, digest);
      const evidence = await verify(registry, digest);
      expect(evidence).toMatchObject({ signed: false, codes: ['COSIGN_NOT_SIGNED'] });
      expect(evidence.attestations).toEqual([
        expect.objectContaining({
          kind: 'provenance',
          source: 'referrers',
          predicateType: 'https://slsa.dev/provenance/v1',
          signedBy: expect.objectContaining({ identity: IDENTITY, issuer: ISSUER }),
        }),
      ]);
    });

    it('is listed without a signer when its signer is not trusted', async () => {
      const registry = new MemoryRegistry();
      const digest = registry.image('f2');
      await provenance(registry, digest);
      const evidence = await verify(registry, digest, { identities: [exact('https://github.com/acme/other')] });
      expect(evidence.attestations?.[0]).toMatchObject({ kind: 'provenance' });
      expect(evidence.attestations?.[0]?.signedBy).toBeUndefined();
    });
  });

  it('fails with COSIGN_PAYLOAD_TOO_LARGE for a bundle over the cap, before parsing it', async () => {
    const registry = new MemoryRegistry();
    const digest = registry.image('g');
    registry.attach(digest, BUNDLE, Buffer.alloc(2048, 0x20));
    const evidence = await verify(registry, digest, { options: { maxBundleBytes: 1024 } });
    expect(evidence).toMatchObject({ signed: true, verified: false, codes: ['COSIGN_PAYLOAD_TOO_LARGE'] });
  });

  it('fails with COSIGN_MALFORMED_BUNDLE for a bundle that is not one', async () => {
    const registry = new MemoryRegistry();
    const digest = registry.image('h');
    registry.attach(digest, BUNDLE, Buffer.from('{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json"}'));
    expect(await verify(registry, digest)).toMatchObject({ codes: ['COSIGN_MALFORMED_BUNDLE'] });
  });

  it('fails with COSIGN_REFERRERS_UNAVAILABLE when listing referrers fails', async () => {
    const registry = new MemoryRegistry();
    registry.via = new RegistryError('REGISTRY_UNAVAILABLE', 'the registry is failing');
    expect(await verify(registry, registry.image('i'))).toMatchObject({ codes: ['COSIGN_REFERRERS_UNAVAILABLE'] });
  });

  it('verifies a cosign 2 signature referrer (a .sig manifest pushed with --registry-referrers-mode=oci-1-1)', async () => {
    const registry = new MemoryRegistry();
    const digest = registry.image('j');
    const critical = {
      identity: { 'docker-reference': REPO },
      image: { 'docker-manifest-digest': digest },
      type: 'cosign container image signature',
    };
    const payload = Buffer.from(JSON.stringify({ critical, optional: null }));
    const annotations = {
      'dev.cosignproject.cosign/signature': sign('sha256', payload, keyPair.privateKey).toString('base64'),
    };
    const layer = { mediaType: SIMPLE_SIGNING, digest: registry.blob(payload), size: payload.length, annotations };
    registry.attachManifest(digest, COSIGN_SIG, Buffer.from(JSON.stringify({ schemaVersion: 2, layers: [layer] })));
    const evidence = await verify(registry, digest, { requireTlog: false });
    expect(evidence).toMatchObject({ verified: true, codes: [] });
    expect(evidence.signatures).toEqual([expect.objectContaining({ keyId: cosignKey.keyId, source: 'referrer' })]);
  });
});
