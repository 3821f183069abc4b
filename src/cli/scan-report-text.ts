import { referenceString } from '../core/reference';
import type { ImageRef, WorkspaceScan } from '../core/scan/image-ref';
import { displayPath } from './display-path';
import type { TerminalStyle } from './terminal-style';

function context(ref: ImageRef): string {
  const parts = [
    ref.stage !== undefined ? `stage ${ref.stage}` : '',
    ref.service ? `service ${ref.service}` : '',
    ref.platform ? `platform ${ref.platform}` : '',
  ];
  return parts.filter(Boolean).join(', ');
}

/** A table for people: grouped by file, one row per reference, errors in plain words after the table. */
export function scanReportText(scan: WorkspaceScan, cwd: string, style: TerminalStyle): string {
  const lines: string[] = [];
  let currentFile = '';
  const kindWidth = Math.max(4, ...scan.references.map((ref) => ref.kind.length));
  for (const ref of scan.references) {
    const file = displayPath(ref.file, cwd);
    if (file !== currentFile) {
      if (currentFile) lines.push('');
      lines.push(style.bold(file));
      currentFile = file;
    }
    const where = `${ref.range.line}:${ref.range.column}`.padEnd(8);
    const what = ref.reference ? referenceString(ref.reference) : style.red(`error: ${ref.error ?? 'unresolved'}`);
    const written = ref.text !== ref.expanded && ref.reference ? style.dim(` (written ${ref.text})`) : '';
    const extra = context(ref);
    lines.push(`  ${where} ${ref.kind.padEnd(kindWidth)}  ${what}${written}${extra ? style.dim(`  [${extra}]`) : ''}`);
  }
  if (scan.errors.length > 0) {
    lines.push('', style.yellow(`${scan.errors.length} problem${scan.errors.length === 1 ? '' : 's'}:`));
    for (const error of scan.errors) {
      const at = error.line === null ? '' : `:${error.line}`;
      lines.push(`  ${displayPath(error.file, cwd)}${at}: ${error.message}`);
    }
  }
  const count = scan.references.length;
  lines.push(
    '',
    style.dim(`${count} image reference${count === 1 ? '' : 's'} in ${scan.files} file${scan.files === 1 ? '' : 's'}`),
  );
  return `${lines.join('\n')}\n`;
}
