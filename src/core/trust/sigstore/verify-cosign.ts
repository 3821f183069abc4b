import type { TrustedRoot } from '@sigstore/protobuf-specs';
import { listBuildkitAttestations, readBuildkitAttestations } from './buildkit-attestations';
import { signedLevelsOf, type CosignEvidence } from './cosign-evidence';
import { resolveCosignOptions, type CosignOptions } from './defaults';
import type { IdentityPolicy } from './identity-policy';
import type { SignatureSource } from './ports';
import type { CosignKey } from './public-keys';
import { createSigstoreTrust, type SigstoreTrust } from './sigstore-trust';
import { publicGoodTrustedRoot } from './trusted-root';
import { failuresOf, isVerified, levelFact, referrerAttestations, signaturesOf, warningsOf } from './level-summary';
import { verifyLevel, type LevelResult, type LevelSubject } from './verify-level';

export type { CosignEvidence, CosignFinding, CosignLevel, CosignSignature, SignedLevels } from './cosign-evidence';

/** The resolved image: its pinned digest and, for an index, each platform manifest (signed separately or not). */
export interface CosignSubject {
  /** The normalized repository name, e.g. `docker.io/library/alpine`. */
  repository: string;
  digest: string;
  isIndex: boolean;
  platforms: { digest: string; platform: string }[];
}

export interface CosignDeps {
  source: SignatureSource;
  keys: readonly CosignKey[];
  /** Keyless signers to accept (SAN + OIDC issuer); none: keyless signatures do not verify. */
  identities?: readonly IdentityPolicy[];
  /** Defaults to the Sigstore public-good root shipped with the tool. */
  trustedRoot?: TrustedRoot;
  /** Fail signatures without a Rekor entry (key-based ones; keyless always need one). */
  requireTlog?: boolean;
  /** Verifiers built once for many images (createSigstoreTrust); overrides keys, identities, root, requireTlog. */
  trust?: SigstoreTrust;
  options?: Partial<CosignOptions>;
  signal?: AbortSignal;
}

let publicGood: TrustedRoot | undefined;

function trustOf(deps: CosignDeps): SigstoreTrust {
  if (deps.trust !== undefined) return deps.trust;
  const trustedRoot = deps.trustedRoot ?? (publicGood ??= publicGoodTrustedRoot());
  return createSigstoreTrust({
    trustedRoot,
    keys: deps.keys,
    identities: deps.identities ?? [],
    requireTlog: deps.requireTlog ?? false,
  });
}

function subjects(subject: CosignSubject, attestationManifests: Set<string>): LevelSubject[] {
  const top: LevelSubject = { digest: subject.digest, level: subject.isIndex ? 'index' : 'manifest' };
  const children = subject.platforms
    .filter((p) => !attestationManifests.has(p.digest))
    .map((p): LevelSubject => ({ digest: p.digest, level: 'platform', platform: p.platform }));
  return [top, ...children];
}

/**
 * Verifies the cosign signatures of a resolved image: `.sig` tags and Sigstore-bundle referrers of the pinned
 * digest and of each platform manifest, with keys (and Rekor SETs when attached) or keyless against a trusted
 * root and identities; lists the attestations attached (BuildKit attestation manifests, referrers).
 */
export async function verifyCosign(subject: CosignSubject, deps: CosignDeps): Promise<CosignEvidence> {
  const options = resolveCosignOptions(deps.options);
  const signal = deps.signal ? { signal: deps.signal } : {};
  const platformOf = (digest: string) => subject.platforms.find((p) => p.digest === digest)?.platform;
  const entries = subject.isIndex
    ? await listBuildkitAttestations(subject.digest, deps.source, options, deps.signal)
    : [];
  const ctx = { repository: subject.repository, trust: trustOf(deps), source: deps.source, options, ...signal };
  // Attestation manifests are read while the signatures are checked.
  const [buildkit, levels] = await Promise.all([
    readBuildkitAttestations(entries, platformOf, deps.source, deps.signal),
    Promise.all(subjects(subject, new Set(entries.map((e) => e.digest))).map((s) => verifyLevel(s, ctx))),
  ]);
  const [top, ...children] = levels as [LevelResult, ...LevelResult[]];
  const verified = isVerified(top) || (children.length > 0 && children.every(isVerified));
  const failures = verified ? [] : failuresOf(top, children);
  const warnings = warningsOf(levels, subject.repository);
  const levelFacts = levels.map(levelFact);
  return {
    signed: levels.some((l) => l.signed),
    verified,
    signatures: signaturesOf(levels),
    failures,
    warnings,
    codes: [...new Set([...failures, ...warnings].map((f) => f.code))],
    levels: levelFacts,
    signedLevels: signedLevelsOf(levelFacts),
    attestations: [...buildkit, ...referrerAttestations(levels)],
  };
}
