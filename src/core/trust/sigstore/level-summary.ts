import type { AttestationEvidence } from './attestations';
import type { CosignFinding, CosignLevel, CosignSignature } from './cosign-evidence';
import type { LevelResult } from './verify-level';

export const isVerified = (level: LevelResult) => level.verified.length > 0;
const finding = (digest: string, error: { code: string; message: string }): CosignFinding => ({
  code: error.code,
  digest,
  message: error.message,
});

// A pinned digest that is not verified fails with its own reason; platform reasons count when the image is
// signed per platform instead (the top level unsigned, some platform signed).
export function failuresOf(top: LevelResult, children: LevelResult[]): CosignFinding[] {
  const perPlatform = top.failure?.code === 'COSIGN_NOT_SIGNED' && children.some((c) => c.signed);
  const failing = perPlatform ? children.filter((c) => !isVerified(c)) : [top];
  return failing.flatMap((l) => (l.failure ? [finding(l.digest, l.failure)] : []));
}

export function warningsOf(levels: LevelResult[], repository: string): CosignFinding[] {
  return levels.flatMap((l) => [
    ...l.verified.flatMap((v) =>
      v.referenceMismatch === undefined
        ? []
        : [
            finding(l.digest, {
              code: 'COSIGN_REFERENCE_MISMATCH',
              message: `The cosign signature on ${l.digest} names ${v.referenceMismatch}, not ${repository} (a mirror, or a signature copied from elsewhere).`,
            }),
          ],
    ),
    ...(l.referrersError && l.failure !== l.referrersError ? [finding(l.digest, l.referrersError)] : []),
  ]);
}

export function signaturesOf(levels: LevelResult[]): CosignSignature[] {
  return levels.flatMap((l) =>
    l.verified.map(({ referenceMismatch: _, ...signer }) => ({
      ...signer,
      level: l.level,
      digest: l.digest,
      ...(l.platform ? { platform: l.platform } : {}),
    })),
  );
}

export function referrerAttestations(levels: LevelResult[]): AttestationEvidence[] {
  return levels.flatMap((l) =>
    l.attestations.map((a) => ({
      ...a,
      level: l.level,
      subject: l.digest,
      ...(l.platform ? { platform: l.platform } : {}),
      source: 'referrers' as const,
    })),
  );
}

/** What the evidence says of one level: signed, verified, and how its referrers were listed. */
export function levelFact(l: LevelResult): CosignLevel {
  return {
    level: l.level,
    digest: l.digest,
    ...(l.platform ? { platform: l.platform } : {}),
    signed: l.signed,
    verified: isVerified(l),
    ...(l.referrersVia ? { referrersVia: l.referrersVia } : {}),
  };
}
