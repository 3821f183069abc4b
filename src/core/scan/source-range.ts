/**
 * A range in a text file as editors and SARIF count it: 1-based lines, 1-based columns in UTF-16 code units, and an
 * exclusive end (endColumn is the column just after the last character).
 */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Maps offsets into a text to 1-based line/column positions; built once per text, O(log lines) per lookup. */
export class LineIndex {
  private readonly starts: number[] = [0];

  private readonly textLength: number;

  constructor(text: string) {
    this.textLength = text.length;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.starts[low] ?? 0) + 1 };
  }

  /** The offset of a 1-based line/column position; positions past a line's end are clamped to it. */
  offset(line: number, column: number): number {
    const start = this.starts[line - 1];
    if (start === undefined) return this.textLength;
    const next = this.starts[line] ?? this.textLength + 1;
    return Math.min(start + column - 1, next - 1);
  }

  range(start: number, end: number): SourceRange {
    const from = this.position(start);
    const to = this.position(end);
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }
}
