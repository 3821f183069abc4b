import type { SourceRange } from '../source-range';
import { LineIndex } from '../source-range';
import type { LogicalLine } from './logical-line';

/** Turns spans of a logical line into file ranges and the exact file text written there. */
export class FilePositions {
  private readonly index: LineIndex;

  constructor(readonly text: string) {
    this.index = new LineIndex(text);
  }

  range(line: LogicalLine, start: number, end: number): SourceRange {
    const [from, to] = line.span(start, end);
    return this.index.range(from, to);
  }

  written(line: LogicalLine, start: number, end: number): { range: SourceRange; text: string } {
    const [from, to] = line.span(start, end);
    return { range: this.index.range(from, to), text: this.text.slice(from, to) };
  }

  fileRange(from: number, to: number): SourceRange {
    return this.index.range(from, to);
  }
}
