import { judge } from '../policy';
import type { ImageRef } from '../scan/image-ref';
import type { DctResult } from '../trust/notary';
import { EDITOR_POLICY } from './compute-findings';
import type { Finding } from './finding';

export { dctSeverity } from '../policy';

/**
 * The findings of one reference's DCT verification. Only called for registries someone asked DCT for (a notary
 * server is configured), so "not signed" is a warning there; Docker Hub's retirement is one calm information.
 * Expiry warnings keep the verifier's message, which carries the date.
 */
export function dctFindings(ref: ImageRef, result: DctResult): Finding[] {
  const input = { refs: [ref], resolutionOf: () => undefined, trustOf: () => ({ dct: result }) };
  return judge({ ...input, policy: EDITOR_POLICY, referenceTime: Date.now(), aspects: { reference: false } });
}
