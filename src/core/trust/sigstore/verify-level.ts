import { CoreError } from '../../errors';
import type { AttestationKind, AttestationSigner } from './attestations';
import { CosignError, type CosignErrorCode } from './cosign-error';
import { parseReferrersIndex, type ReferrerDescriptor } from './referrers';
import type { LayerContext, LayerOutcome, VerifiedSigner } from './verify-layer';
import { verifyReferrer, type ReferrerOutcome } from './verify-referrer';
import { COSIGN_SIG_ARTIFACT, verifySignatureManifest, verifySigReferrer } from './verify-sig-referrer';

/** Which manifest a signature covers: the pinned index, a pinned single manifest, or a platform of an index. */
export type SignatureLevel = 'index' | 'manifest' | 'platform';

export interface LevelSubject {
  digest: string;
  level: SignatureLevel;
  /** `os/architecture[/variant]` of a platform manifest. */
  platform?: string;
}

export interface LevelResult extends LevelSubject {
  /** A `.sig` tag or a signature referrer exists for the digest. */
  signed: boolean;
  /** Signers whose signature verified, with the payload's docker-reference when it names another repository. */
  verified: VerifiedSigner[];
  /** Why nothing verified (absent when something did). */
  failure?: CosignError;
  /** Attestations among the referrers. */
  attestations: {
    kind: AttestationKind;
    digest: string;
    predicateType?: string;
    artifactType?: string;
    signedBy?: AttestationSigner;
  }[];
  /** How referrers were listed: the API, or the `sha256-<hex>` tag when the registry has no API. */
  referrersVia?: 'api' | 'tag';
  /** The referrers could not be listed (the API failed): a warning when something else verified. */
  referrersError?: CosignError;
}

// When nothing verifies, the most telling reason wins: a trusted signature over another digest is an attack.
const PRIORITY: readonly CosignErrorCode[] = [
  'COSIGN_DIGEST_MISMATCH',
  'COSIGN_TLOG_MISMATCH',
  'COSIGN_TLOG_INVALID',
  'COSIGN_IDENTITY_MISMATCH',
  'COSIGN_UNTRUSTED_CERTIFICATE',
  'COSIGN_MALFORMED_PAYLOAD',
  'COSIGN_MALFORMED_BUNDLE',
  'COSIGN_MALFORMED_SIGNATURE',
  'COSIGN_PAYLOAD_TOO_LARGE',
  'COSIGN_TLOG_MISSING',
  'COSIGN_BAD_SIGNATURE',
  'COSIGN_UNTRUSTED_KEY',
];

function rank(error: CosignError): number {
  const index = PRIORITY.indexOf(error.code);
  return index < 0 ? PRIORITY.length : index;
}

async function sigTagOutcomes(subject: LevelSubject, ctx: LayerContext): Promise<LayerOutcome[] | undefined> {
  const bytes = await ctx.source.fetchSignatureManifest(subject.digest, ctx.signal);
  return bytes === undefined ? undefined : verifySignatureManifest(bytes, ctx);
}

type Listed = { via?: 'api' | 'tag'; descriptors: ReferrerDescriptor[]; error?: CosignError };

// A failing referrers API is evidence (the `.sig` tag may still verify), never "no referrers".
async function listReferrers(ctx: LayerContext): Promise<Listed> {
  try {
    const answer = await ctx.source.fetchReferrers(ctx.digest, ctx.signal);
    if (answer === undefined) return { descriptors: [] };
    return { via: answer.via, descriptors: parseReferrersIndex(answer.bytes, ctx.options.maxReferrers) };
  } catch (error) {
    if (ctx.signal?.aborted || !(error instanceof CoreError)) throw error;
    if (error instanceof CosignError) return { descriptors: [], error };
    const message = `The referrers of ${ctx.digest} could not be listed (${error.code}): signatures stored as referrers were not checked.`;
    return { descriptors: [], error: new CosignError('COSIGN_REFERRERS_UNAVAILABLE', message, { cause: error }) };
  }
}

const isSignature = (o: ReferrerOutcome): o is LayerOutcome => o.kind === 'verified' || o.kind === 'failed';

/** Discovers and verifies the `.sig` signatures and signature referrers of one digest, and lists attestations. */
export async function verifyLevel(subject: LevelSubject, base: Omit<LayerContext, 'digest'>): Promise<LevelResult> {
  const ctx = { ...base, digest: subject.digest };
  const [tagged, listed] = await Promise.all([sigTagOutcomes(subject, ctx), listReferrers(ctx)]);
  const referred = (
    await Promise.all(
      listed.descriptors.map(async (d) => {
        const found =
          d.artifactType === COSIGN_SIG_ARTIFACT ? await verifySigReferrer(d, ctx) : [await verifyReferrer(d, ctx)];
        return found.map((o) => [d, o] as const);
      }),
    )
  ).flat();
  const outcomes = [...(tagged ?? []), ...referred.map(([, o]) => o).filter(isSignature)];
  const attestations = referred.flatMap(([d, o]) =>
    o.kind === 'attestation' ? [{ ...o.attestation, digest: d.digest }] : [],
  );
  const verified = outcomes.flatMap(({ kind, ...rest }) => (kind === 'verified' ? [rest as VerifiedSigner] : []));
  const common = {
    ...subject,
    signed: outcomes.length > 0,
    verified,
    attestations,
    ...(listed.via ? { referrersVia: listed.via } : {}),
    ...(listed.error ? { referrersError: listed.error } : {}),
  };
  if (verified.length > 0) return common;
  const failures = outcomes.flatMap((o) => (o.kind === 'failed' ? [o.error] : []));
  const failure = failures.sort((a, b) => rank(a) - rank(b))[0] ?? listed.error ?? notSigned(subject.digest);
  return { ...common, failure };
}

function notSigned(digest: string): CosignError {
  const message = `${digest} has no cosign signature (no ${digest.replace(':', '-')}.sig tag and no signature referrer).`;
  return new CosignError('COSIGN_NOT_SIGNED', message);
}
