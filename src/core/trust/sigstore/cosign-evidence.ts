import type { AttestationEvidence } from './attestations';
import type { SignatureLevel } from './verify-level';

/** One verified signature: by a key given (`keyId`) or keyless (`identity` + `issuer`), at one level. */
export interface CosignSignature {
  /** hex(sha256(SPKI DER)) of the key that verified; for keyless, the certificate's key. */
  keyId: string;
  level: SignatureLevel;
  digest: string;
  platform?: string;
  /** Keyless: the certificate's subject alternative name (a workflow URI, an e-mail address). */
  identity?: string;
  /** Keyless: the OIDC issuer recorded in the certificate. */
  issuer?: string;
  /** A `sha256-<hex>.sig` tag layer (cosign ≤ 2 default) or an OCI 1.1 referrer holding a Sigstore bundle (v3). */
  source?: 'sig-tag' | 'referrer';
  /** Rekor entries that verified (SET or inclusion proof) and name this signer; 0 when none was attached. */
  tlogEntries?: number;
}

export interface CosignFinding {
  code: string;
  digest: string;
  message: string;
}

/** One manifest that was checked: the pinned digest, or a platform manifest of the pinned index. */
export interface CosignLevel {
  level: SignatureLevel;
  digest: string;
  platform?: string;
  /** A `.sig` tag or a signature referrer exists. */
  signed: boolean;
  /** A signature satisfied a key or identity given. */
  verified: boolean;
  /** How its referrers were listed: the OCI 1.1 API, or the `sha256-<hex>` tag fallback; absent when neither. */
  referrersVia?: 'api' | 'tag';
}

/** Which levels of the image carry signatures at all: the answer for "what exactly is signed". */
export type SignedLevels = 'none' | 'manifest' | 'index' | 'platforms' | 'both';

/** Evidence, not a boolean: which keys or identities signed which level, what failed and why. */
export interface CosignEvidence {
  /** Some level carries a `.sig` tag or a signature referrer. */
  signed: boolean;
  /** A given key or identity signs the pinned digest, or every platform manifest of the pinned index. */
  verified: boolean;
  signatures: CosignSignature[];
  failures: CosignFinding[];
  warnings: CosignFinding[];
  /** Failure codes, then warning codes, each once. */
  codes: string[];
  /** Every manifest checked, signed or not (absent only in evidence made without verification). */
  levels?: CosignLevel[];
  /** Which levels carry signatures: `both` = the index and at least one platform manifest. */
  signedLevels?: SignedLevels;
  /** Provenance, SBOM and other attestations attached (BuildKit attestation manifests, referrers). */
  attestations?: AttestationEvidence[];
}

/** Summarizes which levels carry signatures; `levels[0]` is the pinned digest. */
export function signedLevelsOf(levels: readonly CosignLevel[]): SignedLevels {
  const [top, ...platforms] = levels;
  if (top === undefined) return 'none';
  const somePlatform = platforms.some((l) => l.signed);
  if (top.signed) return top.level === 'manifest' ? 'manifest' : somePlatform ? 'both' : 'index';
  return somePlatform ? 'platforms' : 'none';
}
