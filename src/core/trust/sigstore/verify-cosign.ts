import { resolveCosignOptions, type CosignOptions } from './defaults';
import type { SignatureSource } from './ports';
import type { CosignKey } from './public-keys';
import { verifyLevel, type LevelResult, type LevelSubject, type SignatureLevel } from './verify-level';

/** The resolved image: its pinned digest and, for an index, each platform manifest (signed separately or not). */
export interface CosignSubject {
  /** The normalized repository name, e.g. `docker.io/library/alpine`. */
  repository: string;
  digest: string;
  isIndex: boolean;
  platforms: { digest: string; platform: string }[];
}

export interface CosignSignature {
  keyId: string;
  level: SignatureLevel;
  digest: string;
  platform?: string;
}

export interface CosignFinding {
  code: string;
  digest: string;
  message: string;
}

/** Evidence, not a boolean: which keys signed which level, what failed and why. */
export interface CosignEvidence {
  /** Some level carries a `.sig` tag. */
  signed: boolean;
  /** A given key signs the pinned digest, or every platform manifest of the pinned index. */
  verified: boolean;
  signatures: CosignSignature[];
  failures: CosignFinding[];
  warnings: CosignFinding[];
  /** Failure codes, then warning codes, each once. */
  codes: string[];
}

export interface CosignDeps {
  source: SignatureSource;
  keys: readonly CosignKey[];
  options?: Partial<CosignOptions>;
  signal?: AbortSignal;
}

function subjects(subject: CosignSubject): LevelSubject[] {
  const top: LevelSubject = { digest: subject.digest, level: subject.isIndex ? 'index' : 'manifest' };
  const children = subject.platforms.map((p): LevelSubject => ({
    digest: p.digest,
    level: 'platform',
    platform: p.platform,
  }));
  return [top, ...children];
}

const isVerified = (level: LevelResult) => level.verified.length > 0;

// A pinned digest that is not verified fails with its own reason; platform reasons count when the image is
// signed per platform instead (the top level unsigned, some platform signed).
function failuresOf(top: LevelResult, children: LevelResult[]): CosignFinding[] {
  const perPlatform = top.failure?.code === 'COSIGN_NOT_SIGNED' && children.some((c) => c.signed);
  const failing = perPlatform ? children.filter((c) => !isVerified(c)) : [top];
  return failing.flatMap((l) =>
    l.failure ? [{ code: l.failure.code, digest: l.digest, message: l.failure.message }] : [],
  );
}

/** Verifies cosign `.sig` signatures of a resolved image with the given public keys (key-based, no tlog). */
export async function verifyCosign(subject: CosignSubject, deps: CosignDeps): Promise<CosignEvidence> {
  const ctx = {
    repository: subject.repository,
    keys: deps.keys,
    source: deps.source,
    options: resolveCosignOptions(deps.options),
  };
  const levels = await Promise.all(
    subjects(subject).map((s) => verifyLevel(s, { ...ctx, ...(deps.signal ? { signal: deps.signal } : {}) })),
  );
  const [top, ...children] = levels as [LevelResult, ...LevelResult[]];
  const verified = isVerified(top) || (children.length > 0 && children.every(isVerified));
  const signatures = levels.flatMap((l) =>
    l.verified.map((v) => ({
      keyId: v.keyId,
      level: l.level,
      digest: l.digest,
      ...(l.platform ? { platform: l.platform } : {}),
    })),
  );
  const warnings = levels.flatMap((l) =>
    l.verified.flatMap((v) =>
      v.referenceMismatch === undefined
        ? []
        : [
            {
              code: 'COSIGN_REFERENCE_MISMATCH',
              digest: l.digest,
              message: `The cosign signature on ${l.digest} names ${v.referenceMismatch}, not ${subject.repository} (a mirror, or a signature copied from elsewhere).`,
            },
          ],
    ),
  );
  const failures = verified ? [] : failuresOf(top, children);
  const codes = [...new Set([...failures, ...warnings].map((f) => f.code))];
  return { signed: levels.some((l) => l.signed), verified, signatures, failures, warnings, codes };
}
