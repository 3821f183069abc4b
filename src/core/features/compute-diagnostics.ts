import type { ImageRef } from '../scan/image-ref';
import type { SourceRange } from '../scan/source-range';
import { computeFindings } from './compute-findings';
import type { Finding, FindingSeverity } from './finding';
import type { ResolutionLookup } from './resolution-state';

/** A diagnostic as plain data: 1-based range as in SourceRange; the extension converts it to vscode's. */
export interface DiagnosticData {
  range: SourceRange;
  severity: FindingSeverity;
  code: string;
  message: string;
  source: 'Image Trust';
}

export function toDiagnostic(finding: Finding): DiagnosticData {
  const { range, severity, code, message } = finding;
  return { range, severity, code, message, source: 'Image Trust' };
}

/**
 * The diagnostics of one file: its references' findings plus any found elsewhere for them (trust verdicts from
 * src/core/trust arrive as findings of their own and are shown alike).
 */
export function computeDiagnostics(
  refs: readonly ImageRef[],
  lookup: ResolutionLookup,
  extra: readonly Finding[] = [],
): DiagnosticData[] {
  return [...computeFindings(refs, lookup), ...extra].map(toDiagnostic);
}
