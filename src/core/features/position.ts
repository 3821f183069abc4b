import type { ImageRef } from '../scan/image-ref';
import type { SourceRange } from '../scan/source-range';

/** A 1-based line and UTF-16 column, as SourceRange counts them. */
export interface Position {
  line: number;
  column: number;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}

/** The end is inclusive here: a cursor just after the last character still touches the reference. */
export function rangeContains(range: SourceRange, position: Position): boolean {
  return !before(position, range) && !before({ line: range.endLine, column: range.endColumn }, position);
}

/** Quick fixes are offered anywhere on the lines of a reference, as the light bulb is shown for a line. */
export function linesOverlap(a: SourceRange, b: SourceRange): boolean {
  return a.line <= b.endLine && b.line <= a.endLine;
}

export function referenceAt(refs: readonly ImageRef[], position: Position): ImageRef | undefined {
  return refs.find((ref) => rangeContains(ref.range, position));
}
