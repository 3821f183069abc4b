import type { FindingSeverity } from '../core/policy';

/** SARIF's levels: `information` is a note, `hint` has no level of its own. */
export const SARIF_LEVEL: Record<FindingSeverity, 'error' | 'warning' | 'note' | 'none'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'none',
};

/** One line per rule for code-scanning UIs; a code not listed here is described by its own name. */
const DESCRIPTIONS: Record<string, string> = {
  IMAGE_UNPINNED: 'Image reference is not pinned to a digest',
  PIN_OUTDATED: 'The pinned digest is no longer what the tag points at',
  REF_INVALID: 'Invalid image reference',
  REF_UNRESOLVED_VARIABLE: 'Image reference built from a variable that is not set',
  REGISTRY_NOT_ALLOWED: 'Image from a registry the policy does not allow',
  SIGNATURE_REQUIRED: 'The policy requires a signature and none verifies',
  EXCEPTION_EXPIRED: 'A policy exception has ended',
  IGNORE_WITHOUT_REASON: 'An ignore comment without a reason',
  IMAGE_ATTESTED_UNSIGNED: 'Attestations attached, but no trusted signature',
  COSIGN_NOT_SIGNED: 'No cosign signature',
  COSIGN_UNTRUSTED_KEY: 'cosign signature by a key that is not trusted',
  COSIGN_DIGEST_MISMATCH: 'cosign signature over another digest',
  COSIGN_REFERENCE_MISMATCH: 'cosign signature names another repository',
  DCT_NOT_SIGNED: 'Docker Content Trust does not sign this tag',
  DCT_NO_TRUST_DATA: 'No Docker Content Trust data',
  DCT_DIGEST_MISMATCH: 'Docker Content Trust signs another digest',
  DCT_RETIRED: "Docker Hub's Docker Content Trust is retired",
  TUF_EXPIRES_SOON: 'Signed trust data expires soon',
  TUF_CERT_EXPIRES_SOON: 'A signing certificate expires soon',
  TUF_EXPIRED: 'Signed trust data has expired',
};

export function ruleDescription(code: string): string {
  return DESCRIPTIONS[code] ?? code.toLowerCase().replaceAll('_', ' ');
}
