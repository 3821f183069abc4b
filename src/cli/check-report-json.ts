import { referenceString } from '../core/reference';
import type { Finding, FindingSeverity } from '../core/policy';
import type { CheckRun } from './check-pipeline';
import { displayPath } from './display-path';

const SEVERITIES: readonly FindingSeverity[] = ['error', 'warning', 'information', 'hint'];

/** One finding as JSON: where (1-based, endColumn exclusive), what, and the pin edit that fixes it. */
export function findingRow(finding: Finding, cwd: string) {
  const { range, ref, fix } = finding;
  return {
    file: displayPath(ref.file, cwd),
    line: range.line,
    column: range.column,
    endLine: range.endLine,
    endColumn: range.endColumn,
    code: finding.code,
    severity: finding.severity,
    message: finding.message,
    text: ref.text,
    reference: ref.reference ? referenceString(ref.reference) : null,
    currentDigest: finding.currentDigest ?? null,
    fix: fix
      ? { file: displayPath(fix.file, cwd), ...fix.edit.range, newText: fix.edit.newText, digest: fix.digest }
      : null,
    suppressed: finding.suppressed ?? null,
  };
}

/** Counts per severity of the findings nobody suppressed, and how many were suppressed. */
export function summaryOf(findings: readonly Finding[]) {
  const counted = findings.filter((finding) => !finding.suppressed);
  const bySeverity = Object.fromEntries(
    SEVERITIES.map((severity) => [severity, counted.filter((f) => f.severity === severity).length]),
  ) as Record<FindingSeverity, number>;
  return { ...bySeverity, suppressed: findings.length - counted.length };
}

/** `check --format json`: findings, the evidence per reference, what could not complete, and what was pinned. */
export function checkReportJson(run: CheckRun, cwd: string, pinned: readonly { file: string; newText: string }[]) {
  const evidence = run.scan.references.flatMap((ref) => {
    const used = run.resolved.usedOf(ref);
    if (!used || !ref.reference) return [];
    const trust = run.verified.trustOf(ref);
    return [
      {
        file: displayPath(ref.file, cwd),
        line: ref.range.line,
        reference: referenceString(ref.reference),
        digest: used.digest,
        dct: trust?.dct ?? null,
        cosign: trust?.cosign ?? null,
      },
    ];
  });
  const report = {
    references: run.scan.references.length,
    summary: summaryOf(run.findings),
    findings: run.findings.map((finding) => findingRow(finding, cwd)),
    evidence,
    incomplete: run.incomplete.map(({ ref, code, message }) => ({
      file: displayPath(ref.file, cwd),
      line: ref.range.line,
      code,
      message,
    })),
    pinned,
    errors: run.scan.errors.map((error) => ({ ...error, file: displayPath(error.file, cwd) })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
