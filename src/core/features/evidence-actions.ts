import type { ImageRef } from '../scan/image-ref';
import type { SourceRange } from '../scan/source-range';
import { linesOverlap } from './position';
import { resolutionKey } from './resolution-key';

/** "Open the evidence" for a reference: the host opens the evidence document of `key` (see computeEvidence). */
export interface EvidenceActionData {
  title: string;
  key: string;
}

/** One action per distinct tag on the lines of `range`; a digest-only reference has no tag to show evidence for. */
export function computeEvidenceActions(refs: readonly ImageRef[], range: SourceRange): EvidenceActionData[] {
  const keys = new Set<string>();
  for (const ref of refs) {
    const key = resolutionKey(ref);
    if (key !== null && linesOverlap(ref.range, range)) keys.add(key);
  }
  return [...keys].map((key) => ({ title: `Open the evidence for ${key}`, key }));
}
