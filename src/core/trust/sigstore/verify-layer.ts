import { parseNormalizedNamed, referenceName } from '../../reference';
import { CosignError } from './cosign-error';
import type { CosignOptions } from './defaults';
import { toLegacyBundle } from './legacy-bundle';
import { parseSimpleSigningPayload } from './payload';
import { knownPayload } from './payload-candidates';
import type { SignatureSource } from './ports';
import { verifyWithKey } from './public-keys';
import type { SignatureLayer } from './signature-manifest';
import type { SigstoreTrust } from './sigstore-trust';
import { verifyBundle, type BundleSigner } from './verify-bundle';

/** Who verified, and how the signature came: a `.sig` tag layer or an OCI 1.1 referrer holding a bundle. */
export interface VerifiedSigner extends BundleSigner {
  source: 'sig-tag' | 'referrer';
  /** The payload's docker-reference when it names another repository. */
  referenceMismatch?: string;
}

/** What one signature proves about one digest of one repository (`domain/path`). */
export type LayerOutcome = ({ kind: 'verified' } & VerifiedSigner) | { kind: 'failed'; error: CosignError };

export interface LayerContext {
  digest: string;
  repository: string;
  trust: SigstoreTrust;
  source: SignatureSource;
  options: CosignOptions;
  signal?: AbortSignal;
}

export function tooLarge(what: string, size: number, max: number): CosignError {
  const message = `A ${what} of ${size} bytes exceeds the ${max}-byte cap: it was not read.`;
  return new CosignError('COSIGN_PAYLOAD_TOO_LARGE', message);
}

// cosign ignores docker-reference so that mirrors verify; a difference is still worth showing.
function referenceMismatch(reference: string | undefined, repository: string): string | undefined {
  if (reference === undefined) return undefined;
  const parsed = parseNormalizedNamed(reference);
  const named = parsed.ok ? referenceName(parsed.value) : reference;
  return named === repository ? undefined : reference;
}

// cosign --key ignores a certificate the signature carries: with keys and no identities, a key decides.
function asGiven(layer: SignatureLayer, trust: SigstoreTrust): SignatureLayer {
  if (trust.identities.length > 0 || trust.keys.length === 0) return layer;
  const { certificate: _, ...keyed } = layer;
  return keyed;
}

// A plain key signature needs no bundle; a certificate, a Rekor annotation or a required log goes through
// @sigstore/verify, which checks the SET against the trusted root's Rekor keys and the certificate chain.
function verifySigner(given: SignatureLayer, payload: Uint8Array, ctx: LayerContext): BundleSigner {
  const layer = asGiven(given, ctx.trust);
  if (layer.certificate === undefined && layer.bundle === undefined && !ctx.trust.requireTlog) {
    const signature = Buffer.from(layer.signature, 'base64');
    const key = ctx.trust.keys.find((candidate) => verifyWithKey(candidate, payload, signature));
    if (key !== undefined) return { keyId: key.keyId, tlogEntries: 0 };
    const message = `The cosign signature on ${ctx.digest} is not by any of the keys given (or its payload was altered).`;
    throw new CosignError('COSIGN_UNTRUSTED_KEY', message);
  }
  return verifyBundle(toLegacyBundle(layer, payload, ''), payload, ctx.trust, ctx.digest);
}

/**
 * Checks one `.sig` layer in cosign's order: the signature over the exact payload bytes (and its Rekor entry and
 * certificate) first, then the payload's claims, which are only read once a trusted signer vouches for them.
 */
export async function verifyLayer(layer: SignatureLayer, ctx: LayerContext): Promise<LayerOutcome> {
  const max = ctx.options.maxPayloadBytes;
  if (layer.size > max) return { kind: 'failed', error: tooLarge('cosign payload', layer.size, max) };
  const payload = knownPayload(layer, ctx.repository, ctx.digest) ?? (await ctx.source.fetchPayload(layer, ctx.signal));
  if (payload.length > max) return { kind: 'failed', error: tooLarge('cosign payload', payload.length, max) };
  let signer: BundleSigner;
  let claims;
  try {
    signer = verifySigner(layer, payload, ctx);
    claims = parseSimpleSigningPayload(payload);
  } catch (error) {
    if (error instanceof CosignError) return { kind: 'failed', error };
    throw error;
  }
  if (claims.digest !== ctx.digest) {
    const message = `A cosign signature found for ${ctx.digest} signs ${claims.digest}: it was copied from another image.`;
    return { kind: 'failed', error: new CosignError('COSIGN_DIGEST_MISMATCH', message) };
  }
  const mismatch = referenceMismatch(claims.reference, ctx.repository);
  return {
    kind: 'verified',
    ...signer,
    source: 'sig-tag',
    ...(mismatch === undefined ? {} : { referenceMismatch: mismatch }),
  };
}
