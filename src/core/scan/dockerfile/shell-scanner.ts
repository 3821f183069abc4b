import { expandDollar } from './dollar-expansion';
import { isGoDigit, isGoLetter } from './go-text';
import type { Env, LexOptions, VariableUse } from './shell-lexer';
import { WordCollector } from './word-collector';

/**
 * The scanning half of BuildKit's shell lexer: characters, quotes, escapes, words and variable lookups. `$`
 * expansions are in dollar-expansion.ts.
 */

export class LexError extends Error {}

export const EOF = -1;

export function charOf(code: number): string {
  return code === EOF ? '\uFFFD' : String.fromCodePoint(code);
}

function isSpecialParam(code: number): boolean {
  return code < 0x80 && '@*#?-$!0'.includes(String.fromCharCode(code));
}

export class ShellScanner {
  pos = 0;
  readonly uses: VariableUse[] = [];
  rawEscapes: boolean;
  private readonly escape: number;
  private readonly words = new WordCollector();

  constructor(
    private readonly src: string,
    private readonly env: Env,
    readonly options: LexOptions,
  ) {
    this.rawEscapes = options.rawEscapes ?? false;
    this.escape = (options.escape ?? '\\').charCodeAt(0);
  }

  peek(): number {
    return this.pos < this.src.length ? (this.src.codePointAt(this.pos) as number) : EOF;
  }

  next(): number {
    const code = this.peek();
    if (code !== EOF) this.pos += code > 0xffff ? 2 : 1;
    return code;
  }

  processStopOn(stop: number, rawEscapes: boolean): { value: string; words: string[] } {
    let result = '';
    // BuildKit shares one word buffer across nested calls; resetting it here keeps its word splitting exact.
    const words = this.words.start();
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      while (this.peek() !== EOF) {
        const ch = this.peek();
        if (stop !== EOF && ch === stop) {
          this.next();
          return { value: result, words: words.finish() };
        }
        if (ch === 0x24 || ch === 0x3c || ch === 0x27 || ch === 0x22) {
          const text = this.special(ch);
          result += text;
          if (ch === 0x24) words.addString(text);
          else words.addRaw(text);
          continue;
        }
        let code = this.next();
        if (code === this.escape) {
          if (this.rawEscapes) {
            words.addRawChar(code);
            result += charOf(code);
          }
          code = this.next();
          if (code === EOF) break;
          words.addRawChar(code);
        } else words.addChar(code);
        result += charOf(code);
      }
      if (stop !== EOF) throw new LexError(`unexpected end of statement while looking for matching ${charOf(stop)}`);
      return { value: result, words: words.finish() };
    } finally {
      this.rawEscapes = saved;
    }
  }

  private special(ch: number): string {
    if (ch === 0x24) return expandDollar(this);
    if (ch === 0x3c) return this.processPossibleHeredoc();
    return ch === 0x27 ? this.processSingleQuote() : this.processDoubleQuote();
  }

  private processSingleQuote(): string {
    let result = this.options.rawQuotes ? charOf(this.next()) : (this.next(), '');
    for (;;) {
      const ch = this.next();
      if (ch === EOF) throw new LexError('unexpected end of statement while looking for matching single-quote');
      if (ch === 0x27) return this.options.rawQuotes ? result + "'" : result;
      result += charOf(ch);
    }
  }

  private processDoubleQuote(): string {
    let result = this.options.rawQuotes ? charOf(this.next()) : (this.next(), '');
    for (;;) {
      const peeked = this.peek();
      if (peeked === EOF) throw new LexError('unexpected end of statement while looking for matching double-quote');
      if (peeked === 0x22) {
        this.next();
        return this.options.rawQuotes ? result + '"' : result;
      }
      if (peeked === 0x24) {
        result += expandDollar(this);
        continue;
      }
      let ch = this.next();
      if (ch === this.escape) {
        if (this.rawEscapes) result += charOf(ch);
        const after = this.peek();
        // Only `"`, `$` and the escape itself can be escaped inside double quotes.
        if (after === EOF) continue;
        if (after === 0x22 || after === 0x24 || after === this.escape) ch = this.next();
      }
      result += charOf(ch);
    }
  }

  private processPossibleHeredoc(): string {
    this.next();
    if (this.peek() !== 0x3c) return '<';
    this.next();
    let space = '';
    for (let ch = this.peek(); ch === 0x09 || ch === 0x0d || ch === 0x20; ch = this.peek())
      space += charOf(this.next());
    return '<<' + space;
  }

  processName(): string {
    let name = '';
    for (let ch = this.peek(); ch !== EOF; ch = this.peek()) {
      if (name === '' && isGoDigit(ch)) {
        while (this.peek() !== EOF && isGoDigit(this.peek())) name += charOf(this.next());
        return name;
      }
      if (name === '' && isSpecialParam(ch)) return charOf(this.next());
      if (!isGoLetter(ch) && !isGoDigit(ch) && ch !== 0x5f) break;
      name += charOf(this.next());
    }
    return name;
  }

  lookup(name: string, plain: boolean, operator?: string): { value: string; set: boolean; keep: boolean } {
    const value = this.env(name);
    const set = value !== undefined;
    const use: VariableUse = { name, set, plain };
    if (operator !== undefined) use.operator = operator;
    this.uses.push(use);
    return { value: value ?? '', set, keep: !set && (this.options.keepUnset?.(name) ?? false) };
  }
}
