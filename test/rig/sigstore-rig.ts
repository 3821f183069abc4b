import { generateKeyPairSync } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pushBuildkitIndex, pushToyImage } from './attestation-images';
import { pushReferrer, putManifest, putReferrersIndex, type Pushed } from './referrers-push';
import type { RegistryInfo } from './rig-types';
import { signatureManifest, signatureTag, simpleSigningPayload } from './sigstore-sig-tags';
import { createSigstoreAuthority, type LoggedEntry, type SigstoreAuthority } from './sigstore-authority';
import { cosignStatement, dsseBundle, legacySignature, messageBundle, type RigSigner } from './sigstore-signing';

const BUNDLE_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const SIGN_PREDICATE = { 'dev.sigstore.bundle.predicateType': 'https://sigstore.dev/cosign/sign/v1' };

/** Sigstore signatures on `<http registry>/demo/sigstore` made with a private Fulcio/Rekor (@sigstore/mock). */
export interface SigstoreRigInfo {
  /** `127.0.0.1:PORT/demo/sigstore` */
  repository: string;
  /** The private instance's trusted_root.json (Fulcio CA, Rekor and CT log keys). */
  trustedRootFile: string;
  /** PEM public key of the key-based signatures. */
  keyFile: string;
  /** The keyless signer's SAN and OIDC issuer. */
  identity: string;
  issuer: string;
  /** Digests by tag (see signSigstoreImages), and `keyless-index/amd64`, `keyless-index/arm64`. */
  digests: Record<string, string>;
}

const IDENTITY = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';
const ISSUER = 'https://token.actions.githubusercontent.com';

interface Ctx {
  registry: RegistryInfo;
  repo: string;
  authority: SigstoreAuthority;
}

const descriptor = (m: Pushed): Pushed => ({ mediaType: m.mediaType, digest: m.digest, size: m.size });

// A cosign `.sig` tag with one simple-signing layer over `digest`, annotated by `sign`.
async function pushSigTag(ctx: Ctx, digest: string, sign: (payload: Buffer) => Promise<Record<string, string>>) {
  const payload = simpleSigningPayload(`${ctx.registry.host}/${ctx.repo}`, digest);
  const manifest = await signatureManifest(ctx.registry, ctx.repo, payload, await sign(payload));
  await putManifest(ctx.registry, ctx.repo, signatureTag(digest), manifest);
}

// A toy image whose one referrer is a DSSE signature bundle over `signed` (its own digest unless told).
async function pushDsseSigned(ctx: Ctx, name: string, signer: RigSigner, repository: string, signed?: string) {
  const image = await pushToyImage(ctx.registry, ctx.repo, name);
  const bundle = await dsseBundle(ctx.authority, cosignStatement(repository, signed ?? image.digest), signer);
  const referrer = await pushReferrer(ctx.registry, ctx.repo, descriptor(image), BUNDLE_TYPE, bundle, SIGN_PREDICATE);
  await putReferrersIndex(ctx.registry, ctx.repo, image.digest, [referrer]);
  return image;
}

async function signBundleImages(ctx: Ctx, key: RigSigner, keyless: RigSigner, repository: string) {
  const keyBundle = await pushDsseSigned(ctx, 'key-bundle', key, repository);
  // A valid bundle over key-bundle, attached to another image: its subject gives it away.
  const copied = await pushDsseSigned(ctx, 'copied-bundle', key, repository, keyBundle.digest);
  const built = await pushBuildkitIndex(ctx.registry, ctx.repo, 'keyless-index');
  const indexSig = await dsseBundle(ctx.authority, cosignStatement(repository, built.index.digest), keyless);
  const sbom = Buffer.from(JSON.stringify({ spdxVersion: 'SPDX-2.3', name: 'keyless-index' }));
  await putReferrersIndex(ctx.registry, ctx.repo, built.index.digest, [
    await pushReferrer(ctx.registry, ctx.repo, descriptor(built.index), BUNDLE_TYPE, indexSig, SIGN_PREDICATE),
    await pushReferrer(ctx.registry, ctx.repo, descriptor(built.index), 'application/spdx+json', sbom),
  ]);
  const amd64Sig = await messageBundle(ctx.authority, built.amd64.bytes, keyless);
  await putReferrersIndex(ctx.registry, ctx.repo, built.amd64.digest, [
    await pushReferrer(ctx.registry, ctx.repo, descriptor(built.amd64), BUNDLE_TYPE, amd64Sig),
  ]);
  return {
    'key-bundle': keyBundle.digest,
    'copied-bundle': copied.digest,
    'keyless-index': built.index.digest,
    'keyless-index/amd64': built.amd64.digest,
    'keyless-index/arm64': built.arm64.digest,
  };
}

async function signSigTagImages(ctx: Ctx, key: RigSigner, keyless: RigSigner) {
  const keylessSig = await pushToyImage(ctx.registry, ctx.repo, 'keyless-sig');
  let entry: LoggedEntry | undefined;
  const capture = async (payload: Buffer) => {
    const annotations = await legacySignature(ctx.authority, payload, keyless);
    entry = { annotation: annotations['dev.sigstore.cosign/bundle'] ?? '', tlogEntry: {} };
    return annotations;
  };
  await pushSigTag(ctx, keylessSig.digest, capture);
  // A key signature carrying keyless-sig's Rekor entry: a valid SET for another signature.
  const mismatch = await pushToyImage(ctx.registry, ctx.repo, 'rekor-mismatch');
  await pushSigTag(ctx, mismatch.digest, (payload) => legacySignature(ctx.authority, payload, key, entry));
  return { 'keyless-sig': keylessSig.digest, 'rekor-mismatch': mismatch.digest };
}

/**
 * Pushes and signs `demo/sigstore` on the http registry with a private Sigstore instance: `keyless-sig` (a keyless
 * `.sig` with a Rekor SET), `key-bundle` (a v3 DSSE bundle referrer by a key), `keyless-index` (a BuildKit index
 * with provenance and SBOM attestation manifests; the index signed keylessly by a DSSE bundle referrer, its amd64
 * manifest by a message-signature bundle, an SPDX SBOM referrer), `copied-bundle` (key-bundle's bundle attached to
 * another image) and `rekor-mismatch` (a key signature with another signature's Rekor entry). Referrers are stored
 * with the tag-schema fallback, as registry 2.8 has no referrers API.
 */
export async function signSigstoreImages(dir: string, registry: RegistryInfo): Promise<SigstoreRigInfo> {
  await mkdir(dir, { recursive: true });
  const authority = await createSigstoreAuthority();
  const ctx: Ctx = { registry, repo: 'demo/sigstore', authority };
  const repository = `${registry.host}/${ctx.repo}`;
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const key: RigSigner = { kind: 'key', privateKey, publicKey };
  const keyless: RigSigner = { kind: 'keyless', identity: IDENTITY, issuer: ISSUER };
  const trustedRootFile = join(dir, 'trusted_root.json');
  const keyFile = join(dir, 'sigstore.pub');
  await writeFile(trustedRootFile, JSON.stringify(authority.trustedRoot, null, 2));
  await writeFile(keyFile, publicKey.export({ format: 'pem', type: 'spki' }));
  const digests = {
    ...(await signSigTagImages(ctx, key, keyless)),
    ...(await signBundleImages(ctx, key, keyless, repository)),
  };
  return { repository, trustedRootFile, keyFile, identity: IDENTITY, issuer: ISSUER, digests };
}
