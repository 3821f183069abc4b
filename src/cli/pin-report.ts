import type { PinOutcome } from '../core/pin/pin-workspace';
import type { ServedCheck } from '../core/pin/check-pins-served';
import type { ImageRef } from '../core/scan/image-ref';
import { displayPath } from './display-path';
import { platformString } from './platform-filter';
import type { TerminalStyle } from './terminal-style';

function where(ref: ImageRef, cwd: string): string {
  return `${displayPath(ref.file, cwd)}:${ref.range.line}:${ref.range.column}`;
}

/**
 * What `pin` did, file by file: each edit, each single-platform pin kept, each reference it would not pin and why,
 * each failure with its code.
 */
export function pinReportText(outcome: PinOutcome, cwd: string, style: TerminalStyle, dryRun: boolean): string {
  const lines: string[] = [];
  for (const plan of outcome.plans) {
    const kept = plan.kind !== 'not-pinnable' && plan.singlePlatform ? platformString(plan.singlePlatform) : '';
    if (plan.kind === 'edit') {
      const verb = dryRun ? 'would pin' : 'pinned';
      const note = kept ? ` (kept single-platform ${kept})` : '';
      lines.push(`${style.green(verb)}  ${where(plan.ref, cwd)}  ${plan.ref.text} → ${plan.edit.newText}${note}`);
    } else if (kept) {
      lines.push(`${style.green('kept')}  ${where(plan.ref, cwd)}  ${plan.ref.text}: single-platform ${kept}`);
    } else if (plan.kind === 'not-pinnable') {
      lines.push(
        `${style.yellow('not pinnable')}  ${where(plan.ref, cwd)}  ${plan.ref.text}: ${plan.reason} [${plan.code}]`,
      );
    }
  }
  for (const { ref, error } of outcome.failures) {
    lines.push(`${style.red('failed')}  ${where(ref, cwd)}  ${ref.text}: ${error.message} [${error.code}]`);
  }
  for (const file of outcome.files) {
    if (file.error) lines.push(`${style.red('not written')}  ${displayPath(file.path, cwd)}: ${file.error.message}`);
  }
  const edits = outcome.plans.filter((plan) => plan.kind === 'edit').length;
  const written = outcome.files.filter((file) => file.written).length;
  lines.push(
    dryRun
      ? `${edits} reference${edits === 1 ? '' : 's'} would be pinned (dry run: nothing written)`
      : `${edits} reference${edits === 1 ? '' : 's'} pinned in ${written} file${written === 1 ? '' : 's'}`,
  );
  return `${lines.join('\n')}\n`;
}

/** `pin --check`: every reference that is not pinned, and every pin that is no longer served. */
export function pinCheckReportText(
  unpinned: ImageRef[],
  served: ServedCheck[],
  cwd: string,
  style: TerminalStyle,
): string {
  const lines = unpinned.map((ref) => `${style.yellow('unpinned')}  ${where(ref, cwd)}  ${ref.text}`);
  for (const { ref, error } of served) {
    if (error)
      lines.push(`${style.red('pin not served')}  ${where(ref, cwd)}  ${ref.text}: ${error.message} [${error.code}]`);
  }
  const broken = served.filter((check) => check.error).length;
  lines.push(
    unpinned.length + broken === 0
      ? `all ${served.length} reference${served.length === 1 ? '' : 's'} pinned and served`
      : `${unpinned.length} unpinned, ${broken} pin${broken === 1 ? '' : 's'} not served, ${served.length - broken} pinned and served`,
  );
  return `${lines.join('\n')}\n`;
}
