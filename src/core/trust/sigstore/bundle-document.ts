import { bundleFromJSON, type Bundle } from '@sigstore/bundle';
import { CosignError } from './cosign-error';

/** The bundle media types cosign and sigstore clients write: v0.1 to v0.3, old and new spellings. */
export function isSigstoreBundleType(mediaType: string | undefined): boolean {
  return mediaType !== undefined && mediaType.startsWith('application/vnd.dev.sigstore.bundle');
}

/** Reads bundle bytes (already size-capped) into a validated Bundle; `what` names it in the error. */
export function parseSigstoreBundle(bytes: Uint8Array, what: string): Bundle {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new CosignError('COSIGN_MALFORMED_BUNDLE', `The Sigstore bundle of ${what} is not JSON.`, { cause: error });
  }
  try {
    return bundleFromJSON(doc);
  } catch (error) {
    const message = `The Sigstore bundle of ${what} is not a valid bundle (v0.1 to v0.3).`;
    throw new CosignError('COSIGN_MALFORMED_BUNDLE', message, { cause: error });
  }
}
