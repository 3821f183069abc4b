import type { Finding, FindingSeverity } from '../core/policy';
import type { CheckRun } from './check-pipeline';
import { summaryOf } from './check-report-json';
import { displayPath } from './display-path';
import type { TerminalStyle } from './terminal-style';

const LABEL: Record<FindingSeverity, string> = {
  error: 'error',
  warning: 'warning',
  information: 'info',
  hint: 'hint',
};

function paint(severity: FindingSeverity, style: TerminalStyle): (text: string) => string {
  if (severity === 'error') return style.red;
  return severity === 'warning' ? style.yellow : style.dim;
}

function findingLine(finding: Finding, style: TerminalStyle): string {
  const where = `${finding.range.line}:${finding.range.column}`.padEnd(7);
  const label = paint(finding.severity, style)(LABEL[finding.severity].padEnd(8));
  const line = `  ${where} ${label} ${style.bold(finding.code)}  ${finding.message}`;
  if (!finding.suppressed) return line;
  const why = finding.suppressed.kind === 'exception' ? 'policy exception' : 'ignore comment';
  return style.dim(`  ${where} ${'ignored'.padEnd(8)} ${finding.code}  (${why}: ${finding.suppressed.reason})`);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** What could not complete, once per cause (one unreachable registry is one line, not one per reference). */
function incompleteCounts(run: CheckRun): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { code, message } of run.incomplete) {
    const why = `${message} [${code}]`;
    counts.set(why, (counts.get(why) ?? 0) + 1);
  }
  return counts;
}

/** For people: findings grouped by file in file and line order, then what could not complete, then the totals. */
export function checkReportText(run: CheckRun, cwd: string, style: TerminalStyle, pinned: readonly string[]): string {
  const byFile = new Map<string, Finding[]>();
  for (const finding of run.findings) {
    const file = displayPath(finding.ref.file, cwd);
    byFile.set(file, [...(byFile.get(file) ?? []), finding]);
  }
  const lines: string[] = [];
  for (const file of [...byFile.keys()].sort()) {
    lines.push(style.bold(file));
    const findings = (byFile.get(file) ?? []).sort(
      (a, b) => a.range.line - b.range.line || a.range.column - b.range.column,
    );
    for (const finding of findings) lines.push(findingLine(finding, style));
    lines.push('');
  }
  for (const error of run.scan.errors)
    lines.push(`${style.yellow('not scanned')}  ${displayPath(error.file, cwd)}: ${error.message}`);
  for (const [why, count] of incompleteCounts(run))
    lines.push(`${style.red('incomplete')}  ${why} (${plural(count, 'reference')})`);
  lines.push(...pinned);
  const summary = summaryOf(run.findings);
  const counts = [
    plural(summary.error, 'error'),
    plural(summary.warning, 'warning'),
    `${summary.information} information`,
  ];
  const ignored = summary.suppressed > 0 ? `, ${summary.suppressed} ignored` : '';
  lines.push(`${plural(run.scan.references.length, 'reference')} checked: ${counts.join(', ')}${ignored}`);
  return `${lines.join('\n')}\n`;
}
