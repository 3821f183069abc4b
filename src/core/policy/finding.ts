import type { TextEdit } from '../pin/text-edit';
import type { ImageRef } from '../scan/image-ref';
import type { SourceRange } from '../scan/source-range';

export type FindingSeverity = 'error' | 'warning' | 'information' | 'hint';

/** A pin edit that fixes a finding: the verified digest, written where the reference's value is written. */
export interface PinFix {
  file: string;
  edit: TextEdit;
  digest: string;
}

/** Why a finding is not counted: an inline ignore comment or a policy exception, with the reason given. */
export interface Suppression {
  kind: 'ignore-comment' | 'exception';
  reason: string;
}

/**
 * One thing worth telling about one reference. `code` is stable: the same codes name errors, CLI JSON and SARIF
 * rules. A resolution failure keeps the registry's own code (AUTH_DENIED, REGISTRY_NOT_FOUND, REGISTRY_NETWORK, …).
 */
export interface Finding {
  code: string;
  severity: FindingSeverity;
  message: string;
  range: SourceRange;
  ref: ImageRef;
  /** For PIN_OUTDATED and IMAGE_UNPINNED once resolved: the digest the tag points at now. */
  currentDigest?: string;
  fix?: PinFix;
  suppressed?: Suppression;
}

export const FINDING_CODES = {
  invalid: 'REF_INVALID',
  unresolvedVariable: 'REF_UNRESOLVED_VARIABLE',
  unpinned: 'IMAGE_UNPINNED',
  pinOutdated: 'PIN_OUTDATED',
  registryNotAllowed: 'REGISTRY_NOT_ALLOWED',
  signatureRequired: 'SIGNATURE_REQUIRED',
  exceptionExpired: 'EXCEPTION_EXPIRED',
  ignoreWithoutReason: 'IGNORE_WITHOUT_REASON',
  attested: 'IMAGE_ATTESTED_UNSIGNED',
} as const;

const RANK: Record<FindingSeverity, number> = { error: 3, warning: 2, information: 1, hint: 0 };

/** True when `severity` is at least `threshold` (error > warning > information > hint). */
export function atLeast(severity: FindingSeverity, threshold: FindingSeverity): boolean {
  return RANK[severity] >= RANK[threshold];
}
