import { CoreError } from '../../errors';
import { resolveNotaryOptions, type NotaryOptions } from './defaults';
import { evidenceOf, type ExpiryWarning } from './evidence';
import { NotaryError } from './notary-error';
import type { MetadataSource, TrustStore } from './ports';
import type { CertificateEvidence } from './root-certificates';
import type { RootPin } from './root-chain';
import { lookupDigest, lookupTarget, type FoundTarget, type TargetLookup } from './target-lookup';
import { updateTrust, type TrustedRepo } from './update-trust';

/** What the registry served for a reference: the trust data must name exactly this digest and size. */
export interface DctSubject {
  /** The normalized repository name, e.g. `docker.io/library/alpine`. */
  gun: string;
  tag?: string;
  digest: string;
  size: number;
}

export interface DctFailure {
  code: string;
  role?: string;
  message: string;
}

/** Evidence, not a boolean: who signed, which role data expires when, what failed and why. */
export interface DctEvidence {
  gun: string;
  signed: boolean;
  /** Roles signing the registry's digest for the tag (`targets/releases`, other delegations, `targets`). */
  signers: string[];
  target?: FoundTarget;
  expires: Record<string, string>;
  certificates: CertificateEvidence[];
  rootPin?: RootPin;
  warnings: ExpiryWarning[];
  failures: DctFailure[];
  /** Failure codes, then warning codes, each once. */
  codes: string[];
}

export interface DctDeps {
  source: MetadataSource;
  store: TrustStore;
  referenceTime: number;
  options?: Partial<NotaryOptions>;
  signal?: AbortSignal;
  /** Updates per GUN within one operation: many tags of a repository cost one update. */
  updates?: Map<string, Promise<TrustedRepo>>;
}

function failureOf(error: CoreError): DctFailure {
  const role = error instanceof NotaryError ? error.details.role : undefined;
  return { code: error.code, ...(role === undefined ? {} : { role }), message: error.message };
}

function judgeTarget(subject: DctSubject, lookup: TargetLookup): DctFailure | undefined {
  const { target } = lookup;
  const what = subject.tag === undefined ? subject.digest : `tag ${subject.tag}`;
  if (target === undefined) {
    return { code: 'DCT_NOT_SIGNED', message: `The trust data of ${subject.gun} does not sign ${what}.` };
  }
  if (target.digest === subject.digest && target.size === subject.size) return undefined;
  const message = `The signed digest for ${what} (${target.digest}, ${target.size} bytes) differs from the registry's (${subject.digest}, ${subject.size} bytes): an attack or a stale push.`;
  return { code: 'DCT_DIGEST_MISMATCH', role: target.role, message };
}

function toEvidence(subject: DctSubject, repo: TrustedRepo, deps: DctDeps, windowDays: number): DctEvidence {
  const lookup = subject.tag === undefined ? lookupDigest(repo, subject.digest) : lookupTarget(repo, subject.tag);
  const problem = judgeTarget(subject, lookup);
  const failures = [...(problem ? [problem] : []), ...repo.delegations.failures.map(failureOf)];
  const { expires, certificates, warnings } = evidenceOf(repo, deps.referenceTime, windowDays);
  return {
    gun: subject.gun,
    signed: problem === undefined,
    signers: problem === undefined ? lookup.signers : [],
    ...(lookup.target ? { target: lookup.target } : {}),
    expires,
    certificates,
    rootPin: repo.rootPin,
    warnings,
    failures,
    codes: [...new Set([...failures.map((f) => f.code), ...warnings.map((w) => w.code)])],
  };
}

function sharedUpdate(gun: string, deps: DctDeps, options: NotaryOptions): Promise<TrustedRepo> {
  const running = deps.updates?.get(gun);
  if (running !== undefined) return running;
  const update = updateTrust(gun, { ...deps, options });
  deps.updates?.set(gun, update);
  return update;
}

/**
 * Verifies Docker Content Trust for one digest the registry served: updates the GUN's trust data (notary's
 * order, stricter checks) and looks the tag up as Docker does. Verification failures become evidence with
 * codes; only cancellation and programming errors are thrown.
 */
export async function verifyDct(subject: DctSubject, deps: DctDeps): Promise<DctEvidence> {
  const options = resolveNotaryOptions(deps.options);
  try {
    const repo = await sharedUpdate(subject.gun, deps, options);
    return toEvidence(subject, repo, deps, options.expiryWarningDays);
  } catch (error) {
    if (!(error instanceof CoreError)) throw error;
    const failure = failureOf(error);
    const base = { gun: subject.gun, signed: false, signers: [], expires: {}, certificates: [], warnings: [] };
    return { ...base, failures: [failure], codes: [failure.code] };
  }
}
