import { DEFAULT_POLICY, judge, type Policy, type RefResolution } from '../policy';
import type { ImageRef } from '../scan/image-ref';
import type { Finding } from './finding';
import { resolutionKey } from './resolution-key';
import type { ResolutionLookup } from './resolution-state';

/**
 * The editor's policy until it reads one from settings: the defaults, except that expiry warnings keep the
 * verifier's window (imageTrust.trust.expiryWarningDays is applied when DCT is verified).
 */
export const EDITOR_POLICY: Policy = {
  ...DEFAULT_POLICY,
  defaults: { ...DEFAULT_POLICY.defaults, expiryWarningDays: Number.POSITIVE_INFINITY },
};

/** judge()'s view of the editor's resolution store: a reference written with a digest only is not asked. */
export function resolutionOf(lookup: ResolutionLookup) {
  return (ref: ImageRef): RefResolution | undefined => {
    const key = resolutionKey(ref);
    return key === null ? undefined : lookup(key);
  };
}

/** What is shown: findings nobody has suppressed with a reason. */
export const shown = (findings: Finding[]): Finding[] => findings.filter((finding) => !finding.suppressed);

/**
 * The findings for one file's references, from what is known of their resolutions. A reference still being
 * resolved gets only what the text alone tells (unpinned); the rest follows once its resolution arrives.
 */
export function computeFindings(
  refs: readonly ImageRef[],
  lookup: ResolutionLookup,
  policy: Policy = EDITOR_POLICY,
): Finding[] {
  const input = { refs, resolutionOf: resolutionOf(lookup), policy, referenceTime: Date.now() };
  return shown(judge({ ...input, aspects: { trust: false } }));
}
