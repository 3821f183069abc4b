import { referenceString } from '../reference';
import type { ImageRef } from '../scan/image-ref';
import type { SourceRange } from '../scan/source-range';
import { computeFindings } from './compute-findings';
import type { Finding } from './finding';
import { codeSpan, escapeMarkdown, failedLines, findingLines, resolvedLines } from './hover-markdown';
import { referenceAt, type Position } from './position';
import { registryLink } from './registry-link';
import { resolutionKey } from './resolution-key';
import type { ResolutionLookup, ResolutionState } from './resolution-state';

export interface HoverData {
  range: SourceRange;
  markdown: string;
  /** True while the reference is being resolved: the host may ask again once it is. */
  pending: boolean;
}

function stateLines(state: ResolutionState | undefined, pinnedByDigest: boolean): string[] {
  if (pinnedByDigest) return ['Pinned by digest only: nothing to resolve.'];
  if (state === undefined || state.kind === 'pending') return ['$(sync~spin) Resolving…'];
  if (state.kind === 'offline') return ['Offline mode: not resolved.'];
  if (state.kind === 'failed') return failedLines(state.code, state.message);
  return resolvedLines(state.resolution);
}

/**
 * The hover for the reference at `position`, or null when there is none there. `findings` are the file's (see
 * judgeFile; by default the reference's own under the default policy); `trustLines` add signature evidence.
 */
export function computeHover(
  refs: readonly ImageRef[],
  position: Position,
  lookup: ResolutionLookup,
  findings: readonly Finding[] = computeFindings(refs, lookup),
  trustLines: (ref: ImageRef) => readonly string[] = () => [],
): HoverData | null {
  const ref = referenceAt(refs, position);
  if (!ref) return null;
  const title = ref.reference ? referenceString(ref.reference) : ref.text;
  const lines = [`**Image Trust** · ${codeSpan(title)}`, ''];
  const key = resolutionKey(ref);
  const state = key === null ? undefined : lookup(key);
  if (ref.reference) lines.push(...stateLines(state, key === null));
  const trust = trustLines(ref);
  if (trust.length > 0) lines.push('', ...trust);
  const own = findings.filter((finding) => finding.ref === ref);
  if (own.length > 0) lines.push('', ...findingLines(own));
  else if (state?.kind === 'resolved') lines.push('', 'The pin is current.');
  const link = ref.reference ? registryLink(ref.reference) : null;
  if (link) lines.push('', `[Open ${escapeMarkdown(ref.reference?.domain ?? '')} page](${link})`);
  const pending = key !== null && (state === undefined || state.kind === 'pending');
  return { range: ref.range, markdown: lines.join('\n'), pending };
}
