import type { ImageRef } from '../scan/image-ref';
import type { SourceRange } from '../scan/source-range';
import { FINDING_CODES, type Finding } from './finding';
import { planPinEdits, type FileTextEdit } from './pin-edits';
import type { PinTargetOf } from './pin-targets';
import { linesOverlap } from './position';

/** A quick fix as plain data: the extension turns `edits` into one WorkspaceEdit. */
export interface CodeActionData {
  title: string;
  kind: 'quickfix';
  /** The diagnostic codes this action fixes, so the host can attach it to them. */
  fixes: string[];
  edits: FileTextEdit[];
  isPreferred: boolean;
}

function short(digest: string): string {
  return digest.slice(0, digest.indexOf(':') + 13);
}

/**
 * The quick fixes for the file's `findings` (see judgeFile) touching `range`: pin this reference, update an outdated pin, and pin all
 * the file's unpinned references when there is more than the one at hand. Digests are the ones `targetOf` chose
 * (as `image-trust pin` chooses them), so a single-platform pin still in the index is not "updated" to the index.
 */
export function computeCodeActions(
  refs: readonly ImageRef[],
  range: SourceRange,
  targetOf: PinTargetOf,
  findings: readonly Finding[],
): CodeActionData[] {
  const actions: CodeActionData[] = [];
  const here = findings.filter((finding) => linesOverlap(finding.range, range) && finding.currentDigest);
  for (const finding of here) {
    const update = finding.code === FINDING_CODES.pinOutdated;
    const { edits } = planPinEdits([finding.ref], refs, targetOf, update);
    const target = targetOf(finding.ref);
    if (edits.length === 0 || target === undefined || target instanceof Error) continue;
    const name = finding.ref.expanded ?? finding.ref.text;
    const digest = short(target.digest);
    const title = update ? `Update the pin of ${name} to ${digest}` : `Pin ${name} to ${digest}`;
    actions.push({ title, kind: 'quickfix', fixes: [finding.code], edits, isPreferred: true });
  }
  const unpinned = findings.filter((finding) => finding.code === FINDING_CODES.unpinned && finding.currentDigest);
  if (here.length > 0 && unpinned.length > 1) {
    const { edits } = planPinEdits(
      unpinned.map((finding) => finding.ref),
      refs,
      targetOf,
      false,
    );
    const title = `Pin all ${edits.length} unpinned image references in this file`;
    if (edits.length > 1)
      actions.push({ title, kind: 'quickfix', fixes: [FINDING_CODES.unpinned], edits, isPreferred: false });
  }
  return actions;
}
