import type { ImageRef } from '../scan/image-ref';
import type { SourceRange } from '../scan/source-range';

/** `# image-trust: ignore CODE[,CODE…] -- reason` as written; `reason` is absent when none was given. */
export interface IgnoreComment {
  range: SourceRange;
  codes: string[];
  reason?: string;
  /** Nothing but the comment on its line: it applies to the reference on the next line. */
  ownLine: boolean;
}

const IGNORE = /#\s*image-trust:\s*ignore\b(.*)$/;

function parseLine(text: string, line: number): IgnoreComment | undefined {
  const match = IGNORE.exec(text);
  if (match === null) return undefined;
  const body = match[1] ?? '';
  const split = body.indexOf('--');
  const codes = (split === -1 ? body : body.slice(0, split)).split(/[\s,]+/).filter((code) => code !== '');
  const reason = split === -1 ? '' : body.slice(split + 2).trim();
  const column = match.index + 1;
  const range = { line, column, endLine: line, endColumn: text.length + 1 };
  return { range, codes, ...(reason ? { reason } : {}), ownLine: text.slice(0, match.index).trim() === '' };
}

/**
 * The ignore comments of a Dockerfile or compose file. The `#` must start a comment: a Dockerfile comment line, a
 * YAML comment (own line or after a value); a `#` inside a value (`image: "a#b"`) is never one in practice.
 */
export function parseIgnoreComments(text: string): IgnoreComment[] {
  return text.split(/\r?\n/).flatMap((lineText, i) => {
    const comment = parseLine(lineText, i + 1);
    return comment ? [comment] : [];
  });
}

/** The comments that speak for `ref`: on the line above it, or after it on its last line. */
export function ignoresFor(ref: ImageRef, comments: readonly IgnoreComment[]): IgnoreComment[] {
  const { line, endLine, endColumn } = ref.range;
  return comments.filter((comment) =>
    comment.ownLine
      ? comment.range.line === line - 1
      : comment.range.line === endLine && comment.range.column >= endColumn,
  );
}
