/**
 * Precomputed answers to the two brace questions compose-go's template matcher asks, so interpolation stays linear:
 * where the greedy `(.*)}` of its regex stops (the last `}` before the next newline, since Go's `.` excludes only
 * `\n`), and where `getFirstBraceClosingIndex` finds the `}` that balances a `${`.
 */
export class BraceTables {
  private readonly nextNewline: Int32Array;
  private readonly lastBraceBefore: Int32Array;
  private readonly closing: Int32Array;

  constructor(text: string) {
    const n = text.length;
    this.nextNewline = new Int32Array(n + 1);
    this.lastBraceBefore = new Int32Array(n + 1);
    this.closing = new Int32Array(n).fill(-1);
    let newline = n;
    this.nextNewline[n] = n;
    for (let i = n - 1; i >= 0; i -= 1) {
      if (text.charCodeAt(i) === 0x0a) newline = i;
      this.nextNewline[i] = newline;
    }
    let brace = -1;
    this.lastBraceBefore[0] = -1;
    for (let i = 0; i < n; i += 1) {
      if (text.charCodeAt(i) === 0x7d) brace = i;
      this.lastBraceBefore[i + 1] = brace;
    }
    this.matchBraces(text);
  }

  /** Index of the last `}` in [from, end) that is on the same line as `from`, or -1. */
  lastBraceOnLine(from: number, end: number): number {
    const limit = Math.min(this.nextNewline[from] ?? from, end);
    const brace = this.lastBraceBefore[limit] ?? -1;
    return brace >= from ? brace : -1;
  }

  /** The `}` balancing the `{` at `open` when it lies at or before `limit`, else -1. */
  closingBrace(open: number, limit: number): number {
    const brace = this.closing[open] ?? -1;
    return brace !== -1 && brace <= limit ? brace : -1;
  }

  /**
   * compose-go counts braces skipping the character right after every `{` (its loop does `i++` there). Whether a
   * character is skipped only depends on the characters before it, and the `{` of a `${` is never skipped, so one
   * stack pass over the whole text gives every `${` the answer its own scan would.
   */
  private matchBraces(text: string): void {
    const open: number[] = [];
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      if (c === 0x7d) {
        const from = open.pop();
        if (from !== undefined) this.closing[from] = i;
      } else if (c === 0x7b) {
        open.push(i);
        i += 1;
      }
    }
  }
}
