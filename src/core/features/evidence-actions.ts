import type { ImageRef } from '../scan/image-ref';
import type { SourceRange } from '../scan/source-range';
import { linesOverlap } from './position';
import { resolutionKey } from './resolution-key';

/** "Open the evidence" for a reference: the host opens the evidence document of `key` (see computeEvidence). */
export interface EvidenceActionData {
  title: string;
  /** The tag's resolution key. */
  key: string;
  /** The digest written beside the tag: its signatures are the ones shown. */
  pin?: string;
}

/** One action per distinct tag (and pin) on the lines of `range`; a digest-only reference has no tag to show evidence for. */
export function computeEvidenceActions(refs: readonly ImageRef[], range: SourceRange): EvidenceActionData[] {
  const actions = new Map<string, EvidenceActionData>();
  for (const ref of refs) {
    const key = resolutionKey(ref);
    if (key === null || !linesOverlap(ref.range, range)) continue;
    const pin = ref.reference?.digest;
    actions.set(`${key}@${pin ?? ''}`, { title: `Open the evidence for ${key}`, key, ...(pin ? { pin } : {}) });
  }
  return [...actions.values()];
}
