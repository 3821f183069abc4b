import { pathToFileURL } from 'node:url';
import type { Finding } from '../core/policy';
import type { SourceRange } from '../core/scan/source-range';
import { displayPath } from './display-path';
import { SARIF_LEVEL, ruleDescription } from './sarif-rules';
import { VERSION } from './version';

const SRCROOT = '%SRCROOT%';

/** A file under the working directory relative to %SRCROOT%; anything else as an absolute file URI. */
function artifactLocation(file: string, cwd: string) {
  const shown = displayPath(file, cwd);
  if (shown === file) return { uri: pathToFileURL(file).href };
  return { uri: shown.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

// SourceRange already counts as SARIF does: 1-based, UTF-16 columns, endColumn just past the last character.
function regionOf({ line, column, endLine, endColumn }: SourceRange) {
  return { startLine: line, startColumn: column, endLine, endColumn };
}

function resultOf(finding: Finding, ruleIndex: number, cwd: string) {
  const { fix, suppressed } = finding;
  return {
    ruleId: finding.code,
    ruleIndex,
    level: SARIF_LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(finding.ref.file, cwd),
          region: regionOf(finding.range),
        },
      },
    ],
    ...(suppressed
      ? {
          suppressions: [
            { kind: suppressed.kind === 'ignore-comment' ? 'inSource' : 'external', justification: suppressed.reason },
          ],
        }
      : {}),
    ...(fix
      ? {
          fixes: [
            {
              description: { text: `Pin to ${fix.digest}` },
              artifactChanges: [
                {
                  artifactLocation: artifactLocation(fix.file, cwd),
                  replacements: [
                    { deletedRegion: regionOf(fix.edit.range), insertedContent: { text: fix.edit.newText } },
                  ],
                },
              ],
            },
          ],
        }
      : {}),
  };
}

/** SARIF 2.1.0 for code scanning: one rule per finding code, results at the references' ranges. */
export function sarifReport(findings: readonly Finding[], cwd: string): string {
  const codes = [...new Set(findings.map((finding) => finding.code))].sort();
  const rules = codes.map((code) => ({ id: code, shortDescription: { text: ruleDescription(code) } }));
  const log = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'image-trust', version: VERSION, rules } },
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(cwd).href.replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        results: findings.map((finding) => resultOf(finding, codes.indexOf(finding.code), cwd)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
