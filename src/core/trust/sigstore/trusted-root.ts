import { TrustedRoot } from '@sigstore/protobuf-specs';
import publicGoodJson from '../../../../assets/sigstore/public-good-trusted-root.json';
import { CosignError } from './cosign-error';

/**
 * Reads a `trusted_root.json` (the file `cosign --trusted-root` takes): Fulcio CAs, Rekor and CT log keys, TSAs.
 * `source` names it in the error.
 */
export function parseTrustedRoot(text: string, source: string): TrustedRoot {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new CosignError('COSIGN_INVALID_TRUSTED_ROOT', `${source} is not JSON.`, { cause: error });
  }
  const mediaType = typeof doc === 'object' && doc !== null ? (doc as { mediaType?: unknown }).mediaType : undefined;
  if (typeof mediaType !== 'string' || !mediaType.startsWith('application/vnd.dev.sigstore.trustedroot')) {
    const message = `${source} is not a Sigstore trusted root (its mediaType is not application/vnd.dev.sigstore.trustedroot+json).`;
    throw new CosignError('COSIGN_INVALID_TRUSTED_ROOT', message);
  }
  let root: TrustedRoot;
  try {
    root = TrustedRoot.fromJSON(doc);
  } catch (error) {
    throw new CosignError('COSIGN_INVALID_TRUSTED_ROOT', `${source} is not a valid Sigstore trusted root.`, {
      cause: error,
    });
  }
  checkValidityStarts(root, source);
  return root;
}

// A key without a start would be trusted for all time before it existed; the spec requires the start, and
// @sigstore/verify does not check it (sigstore-conformance trust-root-tlog-missing-validity-start_fail).
function checkValidityStarts(root: TrustedRoot, source: string): void {
  const keys = [...root.tlogs, ...root.ctlogs].map((log) => log.publicKey?.validFor);
  const authorities = [...root.certificateAuthorities, ...root.timestampAuthorities].map((ca) => ca.validFor);
  if ([...keys, ...authorities].some((validFor) => validFor?.start === undefined)) {
    const message = `${source} has a log key or authority without a validity start: it cannot be trusted.`;
    throw new CosignError('COSIGN_INVALID_TRUSTED_ROOT', message);
  }
}

/** The Sigstore public-good trusted root shipped with the tool (see assets/sigstore/README.md for its origin). */
export function publicGoodTrustedRoot(): TrustedRoot {
  return TrustedRoot.fromJSON(publicGoodJson);
}
