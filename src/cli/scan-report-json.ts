import { referenceString } from '../core/reference';
import type { WorkspaceScan } from '../core/scan/image-ref';
import { displayPath } from './display-path';

/** The `scan --format json` document; its field set is a contract (see README), new fields may only be added. */
export function scanReportJson(scan: WorkspaceScan, cwd: string): string {
  const references = scan.references.map((ref) => ({
    file: displayPath(ref.file, cwd),
    line: ref.range.line,
    column: ref.range.column,
    endLine: ref.range.endLine,
    endColumn: ref.range.endColumn,
    kind: ref.kind,
    text: ref.text,
    expanded: ref.expanded,
    reference: ref.reference ? referenceString(ref.reference) : null,
    stage: ref.stage ?? null,
    platform: ref.platform ?? null,
    service: ref.service ?? null,
    error: ref.error ?? null,
  }));
  const errors = scan.errors.map((error) => ({
    file: displayPath(error.file, cwd),
    line: error.line,
    message: error.message,
  }));
  return `${JSON.stringify({ references, errors }, null, 2)}\n`;
}
