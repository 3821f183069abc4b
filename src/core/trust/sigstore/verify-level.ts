import { CosignError, type CosignErrorCode } from './cosign-error';
import { parseSignatureManifest } from './signature-manifest';
import { verifyLayer, type LayerContext } from './verify-layer';

/** Which manifest a signature covers: the pinned index, a pinned single manifest, or a platform of an index. */
export type SignatureLevel = 'index' | 'manifest' | 'platform';

export interface LevelSubject {
  digest: string;
  level: SignatureLevel;
  /** `os/architecture[/variant]` of a platform manifest. */
  platform?: string;
}

export interface LevelResult extends LevelSubject {
  /** A `.sig` tag exists for the digest. */
  signed: boolean;
  /** Keys whose signature verified, with the payload's docker-reference when it names another repository. */
  verified: { keyId: string; referenceMismatch?: string }[];
  /** Why nothing verified (absent when something did). */
  failure?: CosignError;
}

// When no layer verifies, the most telling reason wins: a trusted signature over another digest is an attack.
const PRIORITY: readonly CosignErrorCode[] = [
  'COSIGN_DIGEST_MISMATCH',
  'COSIGN_MALFORMED_PAYLOAD',
  'COSIGN_PAYLOAD_TOO_LARGE',
  'COSIGN_UNTRUSTED_KEY',
];

function rank(error: CosignError): number {
  const index = PRIORITY.indexOf(error.code);
  return index < 0 ? PRIORITY.length : index;
}

/** Discovers and verifies the `.sig` signatures of one digest. Registry failures are thrown, never "unsigned". */
export async function verifyLevel(subject: LevelSubject, ctx: Omit<LayerContext, 'digest'>): Promise<LevelResult> {
  const bytes = await ctx.source.fetchSignatureManifest(subject.digest, ctx.signal);
  if (bytes === undefined) {
    const message = `${subject.digest} has no cosign signature (no ${subject.digest.replace(':', '-')}.sig tag).`;
    return { ...subject, signed: false, verified: [], failure: new CosignError('COSIGN_NOT_SIGNED', message) };
  }
  let layers;
  try {
    layers = parseSignatureManifest(bytes, ctx.options.maxSignatures);
  } catch (error) {
    if (error instanceof CosignError) return { ...subject, signed: true, verified: [], failure: error };
    throw error;
  }
  const outcomes = await Promise.all(layers.map((layer) => verifyLayer(layer, { ...ctx, digest: subject.digest })));
  const verified = outcomes.flatMap((o) => (o.kind === 'verified' ? [{ keyId: o.keyId, ...refOf(o) }] : []));
  if (verified.length > 0) return { ...subject, signed: true, verified };
  const failures = outcomes.flatMap((o) => (o.kind === 'failed' ? [o.error] : []));
  const failure = failures.sort((a, b) => rank(a) - rank(b))[0];
  return { ...subject, signed: true, verified, ...(failure === undefined ? {} : { failure }) };
}

function refOf(outcome: { referenceMismatch?: string }) {
  return outcome.referenceMismatch === undefined ? {} : { referenceMismatch: outcome.referenceMismatch };
}
