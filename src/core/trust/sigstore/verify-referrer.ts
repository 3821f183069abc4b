import type { Bundle } from '@sigstore/bundle';
import { classifyAttestation, type AttestationKind, type AttestationSigner } from './attestations';
import { isSigstoreBundleType, parseSigstoreBundle } from './bundle-document';
import { COSIGN_SIGN_PREDICATE, parseStatement, verifyBundleSubject } from './bundle-subject';
import { CosignError } from './cosign-error';
import type { ReferrerDescriptor } from './referrers';
import { tooLarge, type LayerContext, type LayerOutcome } from './verify-layer';
import { verifyBundle } from './verify-bundle';

/** What one referrer is: a signature (verified or not), an attestation, or an artifact that is neither. */
export type ReferrerOutcome =
  | LayerOutcome
  | {
      kind: 'attestation';
      attestation: {
        kind: AttestationKind;
        predicateType?: string;
        artifactType?: string;
        signedBy?: AttestationSigner;
      };
    }
  | { kind: 'ignored' };

const PREDICATE_ANNOTATION = 'dev.sigstore.bundle.predicateType';

function malformed(what: string, cause?: unknown): CosignError {
  const message = `The Sigstore bundle referrer ${what}.`;
  return new CosignError('COSIGN_MALFORMED_BUNDLE', message, cause === undefined ? undefined : { cause });
}

// The bundle is the referrer manifest's one layer of a bundle media type.
function bundleLayer(bytes: Uint8Array): { digest: string; size: number } {
  let doc: { layers?: unknown };
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as typeof doc;
  } catch (error) {
    throw malformed('manifest is not JSON', error);
  }
  const layers = Array.isArray(doc.layers) ? (doc.layers as Record<string, unknown>[]) : [];
  const layer = layers.find((l) => isSigstoreBundleType(typeof l?.mediaType === 'string' ? l.mediaType : undefined));
  if (typeof layer?.digest !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(layer.digest)) {
    throw malformed('manifest has no Sigstore bundle layer');
  }
  if (typeof layer.size !== 'number' || !Number.isSafeInteger(layer.size) || layer.size < 0) {
    throw malformed('manifest names a bundle without a size');
  }
  return { digest: layer.digest, size: layer.size };
}

async function fetchBundle(descriptor: ReferrerDescriptor, ctx: LayerContext): Promise<Bundle> {
  const manifest = await ctx.source.fetchManifest(descriptor.digest, ctx.signal);
  const layer = bundleLayer(manifest);
  const max = ctx.options.maxBundleBytes;
  if (layer.size > max) throw tooLarge('Sigstore bundle', layer.size, max);
  const bytes = await ctx.source.fetchPayload(layer, ctx.signal);
  if (bytes.length > max) throw tooLarge('Sigstore bundle', bytes.length, max);
  return parseSigstoreBundle(bytes, descriptor.digest);
}

// A message signature is over the image manifest's bytes: its stated digest is checked first, so a bundle for
// another image says so instead of "bad signature". A DSSE statement is only read once its signature verified.
async function verifySignatureBundle(bundle: Bundle, ctx: LayerContext): Promise<LayerOutcome> {
  if (bundle.content.$case === 'messageSignature') {
    verifyBundleSubject(bundle, ctx.digest);
    const artifact = await ctx.source.fetchManifest(ctx.digest, ctx.signal);
    return { kind: 'verified', ...verifyBundle(bundle, artifact, ctx.trust, ctx.digest), source: 'referrer' };
  }
  const signer = verifyBundle(bundle, undefined, ctx.trust, ctx.digest);
  verifyBundleSubject(bundle, ctx.digest);
  return { kind: 'verified', ...signer, source: 'referrer' };
}

// An attestation counts as signed only by a signer the caller trusts and only for this image; anything else
// leaves it listed, unsigned: an attestation's failure is not the image's.
function attestationSigner(bundle: Bundle, subjects: string[], ctx: LayerContext): AttestationSigner | undefined {
  if (!subjects.includes(ctx.digest)) return undefined;
  try {
    const { keyId, identity, issuer } = verifyBundle(bundle, undefined, ctx.trust, ctx.digest);
    return { keyId, ...(identity === undefined ? {} : { identity, issuer }) };
  } catch (error) {
    if (error instanceof CosignError) return undefined;
    throw error;
  }
}

/**
 * Reads one referrer of `ctx.digest`. Sigstore bundles (cosign v3's default) are verified as signatures when
 * they hold cosign's signature statement or a message signature, and reported as attestations otherwise;
 * other artifacts (SBOMs, in-toto attestations) are classified from their artifact type without fetching.
 */
export async function verifyReferrer(descriptor: ReferrerDescriptor, ctx: LayerContext): Promise<ReferrerOutcome> {
  const { artifactType } = descriptor;
  const annotated = descriptor.annotations[PREDICATE_ANNOTATION];
  if (!isSigstoreBundleType(artifactType) || (annotated !== undefined && annotated !== COSIGN_SIGN_PREDICATE)) {
    const kind = classifyAttestation(annotated, artifactType);
    const facts = { ...(annotated ? { predicateType: annotated } : {}), ...(artifactType ? { artifactType } : {}) };
    return kind === undefined ? { kind: 'ignored' } : { kind: 'attestation', attestation: { kind, ...facts } };
  }
  try {
    const bundle = await fetchBundle(descriptor, ctx);
    const statement = parseStatement(bundle);
    if (statement !== undefined && statement.predicateType !== COSIGN_SIGN_PREDICATE) {
      const kind = classifyAttestation(statement.predicateType) ?? 'other';
      const signedBy = attestationSigner(bundle, statement.subjects, ctx);
      const facts = { kind, predicateType: statement.predicateType, artifactType };
      return { kind: 'attestation', attestation: { ...facts, ...(signedBy ? { signedBy } : {}) } };
    }
    return await verifySignatureBundle(bundle, ctx);
  } catch (error) {
    if (error instanceof CosignError) return { kind: 'failed', error };
    throw error;
  }
}
