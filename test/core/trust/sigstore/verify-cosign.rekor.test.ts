import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  parseCosignKey,
  parseTrustedRoot,
  verifyCosign,
  type CosignDeps,
  type IdentityPolicy,
  type SignatureSource,
} from '../../../../src/core/trust/sigstore';
import {
  connaisseurDigest,
  connaisseurSource,
  containersImageFixture,
  containersImageKey,
  SIGSTORE_PEER_DATA,
} from './peer-fixtures';

const SAMPLE = '192.168.64.2:5000/cosign-signed/key-1';
const BUNDLE = 'dev.sigstore.cosign/bundle';
const STAGING_ROOT = `${SIGSTORE_PEER_DATA}sigstore-python/staging-tuf-repo-cdn.sigstage.dev/trusted_root.json`;
const stagingRoot = () => parseTrustedRoot(readFileSync(STAGING_ROOT, 'utf8'), STAGING_ROOT);

function verify(digest: string, source: SignatureSource, deps: Partial<CosignDeps> = {}) {
  return verifyCosign({ repository: SAMPLE, digest, isIndex: false, platforms: [] }, { source, keys: [], ...deps });
}

const keyRekor = (mutate?: (a: Record<string, string>) => Record<string, string>) =>
  containersImageFixture('dir-img-cosign-key-rekor-valid', mutate);
const rekorAnnotation = () => {
  let bundle = '';
  keyRekor((a) => ((bundle = a[BUNDLE] ?? ''), a));
  return bundle;
};

describe('verifyCosign › a key signature with a Rekor bundle annotation (public-good Rekor)', () => {
  const cosign2 = containersImageKey('cosign2');

  it('verifies the SET against the shipped trusted root and counts the entry', async () => {
    const { digest, source } = keyRekor();
    const evidence = await verify(digest, source, { keys: [cosign2], requireTlog: true });
    expect(evidence).toMatchObject({ verified: true, codes: [] });
    expect(evidence.signatures[0]).toMatchObject({ keyId: cosign2.keyId, tlogEntries: 1, source: 'sig-tag' });
  });

  it('fails with COSIGN_TLOG_MISSING when a Rekor entry is required and the signature has none', async () => {
    const { digest, source } = containersImageFixture('dir-img-cosign-valid');
    const evidence = await verify(digest, source, { keys: [containersImageKey('cosign')], requireTlog: true });
    expect(evidence).toMatchObject({ verified: false, codes: ['COSIGN_TLOG_MISSING'] });
  });

  it('fails with COSIGN_TLOG_INVALID when the trusted root does not hold the log’s key', async () => {
    const { digest, source } = keyRekor();
    const evidence = await verify(digest, source, { keys: [cosign2], trustedRoot: stagingRoot() });
    expect(evidence).toMatchObject({ verified: false, codes: ['COSIGN_TLOG_INVALID'] });
  });

  it('fails with COSIGN_TLOG_INVALID when the SET was altered', async () => {
    const { digest, source } = keyRekor((a) => {
      const doc = JSON.parse(a[BUNDLE] ?? '{}') as { Payload: { logIndex: number } };
      doc.Payload.logIndex += 1;
      return { ...a, [BUNDLE]: JSON.stringify(doc) };
    });
    expect(await verify(digest, source, { keys: [cosign2] })).toMatchObject({ codes: ['COSIGN_TLOG_INVALID'] });
  });

  it('fails with COSIGN_TLOG_MISMATCH when the Rekor entry is another signature’s', async () => {
    const foreign = rekorAnnotation();
    const { digest, source } = containersImageFixture('dir-img-cosign-valid', (a) => ({ ...a, [BUNDLE]: foreign }));
    const evidence = await verify(digest, source, { keys: [containersImageKey('cosign')] });
    expect(evidence).toMatchObject({ verified: false, codes: ['COSIGN_TLOG_MISMATCH'] });
  });

  it('fails with COSIGN_MALFORMED_SIGNATURE when the Rekor annotation is not a Rekor bundle', async () => {
    const { digest, source } = keyRekor((a) => ({ ...a, [BUNDLE]: '{"Payload":{}}' }));
    expect(await verify(digest, source, { keys: [cosign2] })).toMatchObject({ codes: ['COSIGN_MALFORMED_SIGNATURE'] });
  });
});

const exact = (subject: string, issuer: string): IdentityPolicy => ({
  subject: { kind: 'exact', value: subject },
  issuer: { kind: 'exact', value: issuer },
});

describe('verifyCosign › connaisseur’s keyless signature (Fulcio certificate, public-good Rekor SET)', () => {
  const digest = connaisseurDigest('keyless');
  const SIGNER = 'philipp.belitz@securesystems.de';
  const ISSUER = 'https://github.com/login/oauth';
  const keyless = (identities: IdentityPolicy[], deps: Partial<CosignDeps> = {}) =>
    verifyCosign(
      { repository: 'docker.io/securesystemsengineering/testimage', digest, isIndex: false, platforms: [] },
      { source: connaisseurSource, keys: [], identities, ...deps },
    );

  it('verifies it for its exact identity and issuer, and names them', async () => {
    const evidence = await keyless([exact(SIGNER, ISSUER)]);
    expect(evidence).toMatchObject({ verified: true, failures: [], codes: ['COSIGN_REFERENCE_MISMATCH'] });
    expect(evidence.signatures[0]).toMatchObject({ identity: SIGNER, issuer: ISSUER, tlogEntries: 1 });
  });

  it.each([
    ['another identity', exact('someone@example.com', ISSUER)],
    ['another issuer', exact(SIGNER, 'https://accounts.google.com')],
    ['a prefix of the identity taken exactly', exact('philipp.belitz@securesystems', ISSUER)],
  ])('fails with COSIGN_IDENTITY_MISMATCH for %s', async (_, policy) => {
    expect(await keyless([policy])).toMatchObject({ verified: false, codes: ['COSIGN_IDENTITY_MISMATCH'] });
  });

  it('accepts a regexp identity matched anywhere, as cosign’s --certificate-identity-regexp', async () => {
    const policy: IdentityPolicy = {
      subject: { kind: 'regexp', pattern: '@securesystems\\.de$' },
      issuer: { kind: 'regexp', pattern: 'github\\.com' },
    };
    expect(await keyless([policy])).toMatchObject({ verified: true });
  });

  it('verifies it with its certificate’s key as --key, as cosign ignores a certificate when given a key', async () => {
    const sig = JSON.parse(
      readFileSync(
        `${SIGSTORE_PEER_DATA}connaisseur-cosign/securesystemsengineering/testimage/manifests/${digest.replace(':', '-')}.sig.json`,
        'utf8',
      ),
    ) as { layers: { annotations: Record<string, string> }[] };
    const pem = new X509Certificate(sig.layers[0]?.annotations['dev.sigstore.cosign/certificate'] ?? '').publicKey;
    const key = parseCosignKey(pem.export({ format: 'pem', type: 'spki' }).toString(), 'the certificate key');
    const evidence = await keyless([], { keys: [key] });
    expect(evidence).toMatchObject({ verified: true, codes: ['COSIGN_REFERENCE_MISMATCH'] });
    expect(evidence.signatures[0]).toMatchObject({ keyId: key.keyId, tlogEntries: 1 });
    expect(evidence.signatures[0]?.identity).toBeUndefined();
  });

  it('fails with COSIGN_UNTRUSTED_CERTIFICATE against a trusted root without its Fulcio CA', async () => {
    const evidence = await keyless([exact(SIGNER, ISSUER)], { trustedRoot: stagingRoot() });
    expect(evidence).toMatchObject({ verified: false, codes: ['COSIGN_UNTRUSTED_CERTIFICATE'] });
  });
});

describe('verifyCosign › containers/image’s Fulcio + Rekor fixture', () => {
  it('fails with COSIGN_TLOG_MISSING when the certificate comes without its Rekor entry', async () => {
    const { digest, source } = containersImageFixture('dir-img-cosign-fulcio-rekor-valid', (a) => {
      const { [BUNDLE]: _, ...rest } = a;
      return rest;
    });
    const evidence = await verify(digest, source, { identities: [exact('x', 'y')] });
    expect(evidence).toMatchObject({ verified: false, codes: ['COSIGN_TLOG_MISSING'] });
  });

  it('fails with COSIGN_MALFORMED_SIGNATURE when the certificate annotation is not a PEM certificate', async () => {
    const { digest, source } = containersImageFixture('dir-img-cosign-fulcio-rekor-valid', (a) => ({
      ...a,
      'dev.sigstore.cosign/certificate': 'not a certificate',
    }));
    const evidence = await verify(digest, source, { identities: [exact('x', 'y')] });
    expect(evidence).toMatchObject({ verified: false, codes: ['COSIGN_MALFORMED_SIGNATURE'] });
  });

  it('names the certificate’s identity when no policy admits it', async () => {
    const { digest, source } = containersImageFixture('dir-img-cosign-fulcio-rekor-valid');
    const evidence = await verify(digest, source);
    expect(evidence.failures[0]?.message).toMatch(/is by '.+' from issuer 'https:\/\//);
  });
});
