import type { SourceRange } from '../scan/source-range';
import type { Finding, FindingSeverity } from './finding';

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

/** The diagnostics of one file, from its findings (see judgeFile). */
export function computeDiagnostics(findings: readonly Finding[]): DiagnosticData[] {
  return findings.map(toDiagnostic);
}
