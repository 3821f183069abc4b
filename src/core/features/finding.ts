import type { ImageRef } from '../scan/image-ref';
import type { SourceRange } from '../scan/source-range';

export type FindingSeverity = 'error' | 'warning' | 'information' | 'hint';

/**
 * One thing worth telling about one reference. `code` is stable: the same codes name CLI JSON/SARIF rules. A
 * resolution failure keeps the registry's own code (AUTH_DENIED, REGISTRY_NOT_FOUND, REGISTRY_NETWORK, …).
 */
export interface Finding {
  code: string;
  severity: FindingSeverity;
  message: string;
  range: SourceRange;
  ref: ImageRef;
  /** For PIN_OUTDATED and IMAGE_UNPINNED once resolved: the digest the tag points at now. */
  currentDigest?: string;
}

export const FINDING_CODES = {
  invalid: 'REF_INVALID',
  unresolvedVariable: 'REF_UNRESOLVED_VARIABLE',
  unpinned: 'IMAGE_UNPINNED',
  pinOutdated: 'PIN_OUTDATED',
} as const;
