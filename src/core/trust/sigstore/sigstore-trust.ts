import type { TrustedRoot } from '@sigstore/protobuf-specs';
import { toTrustMaterial, Verifier } from '@sigstore/verify';
import { CosignError } from './cosign-error';
import { checkIdentityPolicy, type IdentityPolicy } from './identity-policy';
import type { CosignKey } from './public-keys';

/** What signatures are checked against: keys, keyless identities, the trusted root, whether Rekor is required. */
export interface SigstoreTrustOptions {
  /** Fulcio CAs, Rekor and CT log keys, TSAs (the public-good root unless the user names another). */
  trustedRoot: TrustedRoot;
  keys: readonly CosignKey[];
  identities: readonly IdentityPolicy[];
  /** A signature without a Rekor entry fails (cosign's default; `--insecure-ignore-tlog` is the opposite). */
  requireTlog: boolean;
}

/** The verifiers built once per run from the trust options: one per key, one for certificates. */
export interface SigstoreTrust extends SigstoreTrustOptions {
  keyVerifiers: readonly { key: CosignKey; verifier: Verifier }[];
  keylessVerifier: Verifier;
}

/**
 * Builds @sigstore/verify verifiers offline from a pinned trusted root (never `sigstore.verify`, which fetches its
 * root over the network). Keyless: one Rekor entry, one timestamp (the entry's integrated time or a TSA's) inside
 * the certificate's validity, and an embedded SCT when the root has CT logs. Keys: the key is trusted as given
 * (no validity window), and a Rekor entry is counted only when one is required; present entries are always checked.
 */
export function createSigstoreTrust(options: SigstoreTrustOptions): SigstoreTrust {
  options.identities.forEach(checkIdentityPolicy);
  try {
    return buildVerifiers(options);
  } catch (error) {
    // A root whose JSON parsed can still hold keys or certificates that do not (e.g. truncated base64).
    const message = 'The Sigstore trusted root holds a key or certificate that cannot be read.';
    throw new CosignError('COSIGN_INVALID_TRUSTED_ROOT', message, { cause: error });
  }
}

function buildVerifiers(options: SigstoreTrustOptions): SigstoreTrust {
  const tlogThreshold = options.requireTlog ? 1 : 0;
  const keyVerifiers = options.keys.map((key) => {
    const material = toTrustMaterial(options.trustedRoot, () => ({ publicKey: key.key, validFor: () => true }));
    return { key, verifier: new Verifier(material, { tlogThreshold, ctlogThreshold: 0, timestampThreshold: 0 }) };
  });
  const ctlogThreshold = options.trustedRoot.ctlogs.length > 0 ? 1 : 0;
  const keylessVerifier = new Verifier(toTrustMaterial(options.trustedRoot), {
    tlogThreshold: 1,
    ctlogThreshold,
    timestampThreshold: 1,
  });
  return { ...options, keyVerifiers, keylessVerifier };
}
