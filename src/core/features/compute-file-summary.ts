import type { ImageRef } from '../scan/image-ref';
import type { Finding } from './finding';
import { FINDING_CODES } from './finding';

/** Findings that say "no signature" (as opposed to a signature that does not hold). */
const UNSIGNED_CODES: ReadonlySet<string> = new Set(['COSIGN_NOT_SIGNED', 'DCT_NOT_SIGNED', 'DCT_NO_TRUST_DATA']);

export interface FileSummary {
  refs: number;
  unpinned: number;
  unsigned: number;
  /** References with at least one error finding (invalid, tampered, not found…). */
  failing: number;
  /** `3 refs · 1 unpinned · 1 unsigned`: the parts that are not zero, after the count. */
  text: string;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** A one-line summary of a file's references and findings, for a status bar item. */
export function computeFileSummary(refs: readonly ImageRef[], findings: readonly Finding[]): FileSummary {
  const refsWith = (test: (finding: Finding) => boolean) => new Set(findings.filter(test).map((f) => f.ref)).size;
  const unpinned = refsWith((finding) => finding.code === FINDING_CODES.unpinned);
  const unsigned = refsWith((finding) => UNSIGNED_CODES.has(finding.code));
  const failing = refsWith((finding) => finding.severity === 'error');
  const parts = [plural(refs.length, 'ref')];
  if (unpinned > 0) parts.push(`${unpinned} unpinned`);
  if (unsigned > 0) parts.push(`${unsigned} unsigned`);
  if (failing > 0) parts.push(`${failing} failing`);
  return { refs: refs.length, unpinned, unsigned, failing, text: parts.join(' · ') };
}
