import { parseNormalizedNamed, referenceName } from '../../reference';
import { CosignError } from './cosign-error';
import type { CosignOptions } from './defaults';
import { parseSimpleSigningPayload } from './payload';
import type { SignatureSource } from './ports';
import { verifyWithKey, type CosignKey } from './public-keys';
import type { SignatureLayer } from './signature-manifest';

/** What one signature layer proves about one digest of one repository (`domain/path`). */
export type LayerOutcome =
  { kind: 'verified'; keyId: string; referenceMismatch?: string } | { kind: 'failed'; error: CosignError };

export interface LayerContext {
  digest: string;
  repository: string;
  keys: readonly CosignKey[];
  source: SignatureSource;
  options: CosignOptions;
  signal?: AbortSignal;
}

function tooLarge(size: number, max: number): CosignError {
  const message = `A cosign payload of ${size} bytes exceeds the ${max}-byte cap: it is not a simple-signing payload.`;
  return new CosignError('COSIGN_PAYLOAD_TOO_LARGE', message);
}

// cosign ignores docker-reference so that mirrors verify; a difference is still worth showing.
function referenceMismatch(reference: string | undefined, repository: string): string | undefined {
  if (reference === undefined) return undefined;
  const parsed = parseNormalizedNamed(reference);
  const named = parsed.ok ? referenceName(parsed.value) : reference;
  return named === repository ? undefined : reference;
}

/**
 * Checks one layer in cosign's order: the signature over the exact payload bytes with one of the keys first,
 * then the payload's claims, which are only read once a trusted key vouches for them.
 */
export async function verifyLayer(layer: SignatureLayer, ctx: LayerContext): Promise<LayerOutcome> {
  const max = ctx.options.maxPayloadBytes;
  if (layer.size > max) return { kind: 'failed', error: tooLarge(layer.size, max) };
  const payload = await ctx.source.fetchPayload(layer, ctx.signal);
  if (payload.length > max) return { kind: 'failed', error: tooLarge(payload.length, max) };
  const signature = Buffer.from(layer.signature, 'base64');
  const key = ctx.keys.find((candidate) => verifyWithKey(candidate, payload, signature));
  if (key === undefined) {
    const message = `The cosign signature on ${ctx.digest} is not by any of the keys given (or its payload was altered).`;
    return { kind: 'failed', error: new CosignError('COSIGN_UNTRUSTED_KEY', message) };
  }
  let claims;
  try {
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
  return { kind: 'verified', keyId: key.keyId, ...(mismatch === undefined ? {} : { referenceMismatch: mismatch }) };
}
