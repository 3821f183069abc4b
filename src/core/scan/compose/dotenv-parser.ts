/**
 * The `.env` grammar of compose-go's dotenv parser (a godotenv port), statement by statement, keeping the offsets of
 * every value. Line numbers in messages are counted the way compose-go counts them, so messages match its own.
 */
import { expandDotenvEscapes } from './dotenv-escapes';
import { readQuoted } from './dotenv-quoted';
import { isGoSpace } from '../go-space';
import { isDotenvBlank } from './dotenv-blank';
import { interpolate } from './interpolate';

export interface DotenvEntry {
  value: string;
  /** Offsets [start, end) of the value text (inside quotes when quoted; the key for a bare `KEY` line). */
  start: number;
  end: number;
}

export type DotenvLookup = (name: string) => string | undefined;

export interface DotenvFailure {
  line: number;
  message: string;
}

/** Go's `^export\s+` (`\s` is ASCII space, tab, newline, form feed, carriage return). */
const EXPORT_PREFIX = /^export[\t\n\f\r ]+/;
const KEY_PUNCTUATION = new Set(['_', '.', '-', '[', ']']);
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

export class DotenvParser {
  line = 1;

  constructor(
    private readonly text: string,
    private readonly out: Map<string, DotenvEntry>,
    private readonly lookup: DotenvLookup,
  ) {}

  /** Reads every statement into `out`; stops at the first failure like compose-go. */
  parse(): DotenvFailure | undefined {
    for (let at = this.statementStart(0); at !== -1;) {
      const key = this.locateKey(at);
      if ('message' in key) return key;
      if (key.name.includes(' ')) return this.fail('key cannot contain a space');
      if (key.inherited) {
        const value = this.lookup(key.name);
        if (value !== undefined) this.out.set(key.name, { value, start: at, end: at + key.name.length });
        at = this.statementStart(key.rest);
        continue;
      }
      const value = this.value(key.rest);
      if ('message' in value) return value;
      this.out.set(key.name, value.entry);
      at = this.statementStart(value.rest);
    }
    return undefined;
  }

  /** Offset of the next statement from `from`, skipping blanks and comment lines; -1 at the end. */
  statementStart(from: number): number {
    const { text } = this;
    for (let i = from; ;) {
      while (i < text.length && isGoSpace(text.charCodeAt(i))) {
        if (text.charCodeAt(i) === 0x0a) this.line += 1;
        i += 1;
      }
      if (i >= text.length) return -1;
      if (text[i] !== '#') return i;
      i = text.indexOf('\n', i);
      if (i === -1) return -1;
    }
  }

  private locateKey(from: number): { name: string; rest: number; inherited: boolean } | DotenvFailure {
    const { text } = this;
    let start = from;
    const exported = EXPORT_PREFIX.exec(text.slice(from, from + 64));
    if (exported) start = this.skipBlanks(from + 'export'.length);
    let end = -1;
    let inherited = false;
    for (let i = start; i < text.length;) {
      const code = text.codePointAt(i) ?? 0;
      const char = String.fromCodePoint(code);
      if (char === '=' || char === ':' || char === '\n') {
        [end, inherited] = [i, char === '\n'];
        break;
      }
      if (!isDotenvBlank(code) && !KEY_PUNCTUATION.has(char) && !LETTER_OR_NUMBER.test(char)) {
        const firstLine = text.slice(start, text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start));
        return this.fail(`unexpected character ${JSON.stringify(char)} in variable name ${JSON.stringify(firstLine)}`);
      }
      i += char.length;
    }
    if (start >= text.length) return { line: this.line, message: 'zero length string' };
    // Without a terminator compose-go reads an empty key and takes the whole rest as its value.
    const name = end === -1 ? '' : trimEndGoSpace(text.slice(start, end));
    if (inherited && !text.slice(start, end).includes(' ')) this.line += 1;
    return { name, rest: this.skipBlanks(end === -1 ? start : end + 1), inherited };
  }

  private value(from: number): { entry: DotenvEntry; rest: number } | DotenvFailure {
    const quote = this.text[from];
    return quote === '"' || quote === "'" ? this.quotedValue(from, quote) : this.unquotedValue(from);
  }

  private unquotedValue(from: number): { entry: DotenvEntry; rest: number } | DotenvFailure {
    const { text } = this;
    const newline = text.indexOf('\n', from);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = this.line;
    this.line += 1;
    const comment = text.slice(from, lineEnd).indexOf(' #');
    let end = comment === -1 ? lineEnd : from + comment;
    while (end > from && isGoSpace(text.charCodeAt(end - 1))) end -= 1;
    const expanded = this.expand(text.slice(from, end), line);
    if (typeof expanded !== 'string') return expanded;
    return { entry: { value: expanded, start: from, end }, rest: newline === -1 ? text.length : newline + 1 };
  }

  private quotedValue(from: number, quote: string): { entry: DotenvEntry; rest: number } | DotenvFailure {
    const startLine = this.line;
    const { chars, close, newlines } = readQuoted(this.text, from, quote);
    this.line += newlines;
    if (close === -1) {
      const newline = this.text.indexOf('\n', from);
      return this.fail(
        `unterminated quoted value ${this.text.slice(from, newline === -1 ? this.text.length : newline)}`,
      );
    }
    const expanded = quote === "'" ? chars : this.expand(expandDotenvEscapes(chars), startLine);
    if (typeof expanded !== 'string') return expanded;
    return { entry: { value: expanded, start: from + 1, end: close }, rest: close + 1 };
  }

  /** `${VAR}` in values: the lookup first, then keys read so far (compose-go's expandVariables). */
  private expand(value: string, line: number): string | DotenvFailure {
    const result = interpolate(value, (name) => this.lookup(name) ?? this.out.get(name)?.value);
    return result.error ? { line, message: result.error.message } : result.value;
  }

  private skipBlanks(from: number): number {
    let i = from;
    while (i < this.text.length && isDotenvBlank(this.text.charCodeAt(i))) i += 1;
    return i;
  }

  private fail(message: string): DotenvFailure {
    return { line: this.line, message: `line ${this.line}: ${message}` };
  }
}

function trimEndGoSpace(value: string): string {
  let end = value.length;
  while (end > 0 && isGoSpace(value.charCodeAt(end - 1))) end -= 1;
  return value.slice(0, end);
}
