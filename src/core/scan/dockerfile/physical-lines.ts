import { isGoSpace } from '../go-space';

/**
 * The file as BuildKit's bufio scanner reads it: lines split on `\n`, each with its content end (trailing `\r`/`\n`
 * removed, as trimNewline does) and a number counted from 1.
 */
export class PhysicalLines {
  /** Offset of the next line to read. */
  private next = 0;
  number = 0;
  start = 0;
  /** End of the content (before trailing `\r`s and `\n`). */
  end = 0;
  /** Offset after the line's `\n` (or the end of the text). */
  after = 0;

  constructor(readonly text: string) {
    if (text.charCodeAt(0) === 0xfeff) this.next = 1;
  }

  read(): boolean {
    const text = this.text;
    if (this.next >= text.length) return false;
    const newline = text.indexOf('\n', this.next);
    this.start = this.next;
    this.after = newline === -1 ? text.length : newline + 1;
    let end = newline === -1 ? text.length : newline;
    while (end > this.start && (text.charCodeAt(end - 1) === 0x0d || text.charCodeAt(end - 1) === 0x0a)) end--;
    this.end = end;
    this.next = this.after;
    this.number++;
    return true;
  }

  /** A position to come back to with reset(). */
  mark(): { next: number; number: number } {
    return { next: this.next, number: this.number };
  }

  reset(mark: { next: number; number: number }): void {
    this.next = mark.next;
    this.number = mark.number;
  }

  /** The line with its newline, for heredoc bodies. */
  raw(): string {
    return this.text.slice(this.start, this.after);
  }

  /** BuildKit reads lines with a 64 KiB buffer and fails on longer lines (counted in UTF-8 bytes). */
  tooLong(): boolean {
    const length = this.after - this.start;
    if (length <= 21845) return false;
    return utf8Length(this.text, this.start, this.after) > 65536;
  }

  isComment(from = this.start): boolean {
    let i = from;
    while (i < this.end && isGoSpace(this.text.charCodeAt(i))) i++;
    return i < this.end && this.text.charCodeAt(i) === 0x23;
  }
}

function utf8Length(text: string, from: number, to: number): number {
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < to) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
