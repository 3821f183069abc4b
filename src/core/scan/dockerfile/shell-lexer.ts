import { isGoDigit, isGoLetter, isGoSpace } from './go-text';
import { PatternError, replacePattern, trimPrefix, trimSuffix } from './shell-pattern';
import { WordCollector } from './word-collector';

/**
 * BuildKit's shell word expansion (frontend/dockerfile/shell/lex.go): quotes, escapes, `$V`, `${V}` and the
 * `${V<op>word}` forms. The same lexer expands FROM, `--platform`, ARG defaults and finds heredoc words.
 */

export interface LexOptions {
  /** The escape character of the Dockerfile: `\` or `` ` ``. */
  escape?: string;
  /** Keep quote characters in the result (heredoc detection). */
  rawQuotes?: boolean;
  /** Keep escape characters in the result. */
  rawEscapes?: boolean;
  /** Variables to leave as written when unset (BuildKit's SkipUnsetEnv, per variable). */
  keepUnset?: (name: string) => boolean;
}

/** One variable lookup; `plain` when its value was substituted as is (`$V`, `${V}`), not through an operator. */
export interface VariableUse {
  name: string;
  set: boolean;
  plain: boolean;
  /** The operator when there was one (`:-`, `-`, `:+`, `#`…). */
  operator?: string;
  /** True when a `-`/`:-` default replaced the value. */
  defaulted?: boolean;
  /** Span [start, end) in the input of the operator's word (the default of `${V:-word}`). */
  wordStart?: number;
  wordEnd?: number;
}

export type LexResult =
  | { ok: true; value: string; words: string[]; uses: VariableUse[] }
  | { ok: false; error: string; reason: string; uses: VariableUse[] };

export type Env = (name: string) => string | undefined;

class LexError extends Error {}

const EOF = -1;

function charOf(code: number): string {
  return code === EOF ? '\uFFFD' : String.fromCodePoint(code);
}

function isSpecialParam(code: number): boolean {
  return '@*#?-$!0'.includes(String.fromCharCode(code)) && code < 0x80;
}

/** Expands one word; `value` is ProcessWord's result, `words` ProcessWords' split of it. */
export function lexWord(source: string, env: Env, options: LexOptions = {}): LexResult {
  if (isPlain(source, options.escape ?? '\\')) return { ok: true, value: source, words: splitPlain(source), uses: [] };
  const lexer = new ShellLexer(source, env, options);
  try {
    const { value, words } = lexer.processStopOn(EOF, lexer.rawEscapes);
    return { ok: true, value, words, uses: lexer.uses };
  } catch (error) {
    if (!(error instanceof LexError)) throw error;
    const reason = error.message;
    return { ok: false, error: `failed to process ${JSON.stringify(source)}: ${reason}`, reason, uses: lexer.uses };
  }
}

/** Most words (`alpine:3.19`) have nothing to expand; they skip the lexer. */
function isPlain(source: string, escape: string): boolean {
  const escapeCode = escape.charCodeAt(0);
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code === 0x24 || code === 0x27 || code === 0x22 || code === 0x3c || code === escapeCode) return false;
  }
  return true;
}

function splitPlain(source: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= source.length; i++) {
    const space = i === source.length || isGoSpace(source.codePointAt(i) as number);
    if (!space && start === -1) start = i;
    else if (space && start !== -1) {
      words.push(source.slice(start, i));
      start = -1;
    }
  }
  return words;
}

class ShellLexer {
  private pos = 0;
  readonly uses: VariableUse[] = [];
  rawEscapes: boolean;
  private readonly escape: number;
  private readonly words = new WordCollector();

  constructor(
    private readonly src: string,
    private readonly env: Env,
    private readonly options: LexOptions,
  ) {
    this.rawEscapes = options.rawEscapes ?? false;
    this.escape = (options.escape ?? '\\').charCodeAt(0);
  }

  private peek(): number {
    return this.pos < this.src.length ? (this.src.codePointAt(this.pos) as number) : EOF;
  }

  private next(): number {
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
    if (ch === 0x24) return this.processDollar();
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
        result += this.processDollar();
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

  private processName(): string {
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

  private lookup(name: string, plain: boolean, operator?: string): { value: string; set: boolean; keep: boolean } {
    const value = this.env(name);
    const set = value !== undefined;
    const use: VariableUse = { name, set, plain };
    if (operator !== undefined) use.operator = operator;
    this.uses.push(use);
    return { value: value ?? '', set, keep: !set && (this.options.keepUnset?.(name) ?? false) };
  }

  private processDollar(): string {
    this.next();
    if (this.peek() !== 0x7b) {
      const name = this.processName();
      if (name === '') return '$';
      const found = this.lookup(name, true);
      return found.keep ? '$' + name : found.value;
    }
    this.next();
    const first = this.peek();
    if (first === EOF) throw new LexError("syntax error: missing '}'");
    if (first === 0x7b || first === 0x7d || first === 0x3a) throw new LexError('syntax error: bad substitution');
    const name = this.processName();
    const ch = this.next();
    if (ch === 0x7d) {
      const found = this.lookup(name, true);
      return found.keep ? '${' + name + '}' : found.value;
    }
    if (ch === 0x3a || ch === 0x2b || ch === 0x2d || ch === 0x3f || ch === 0x23 || ch === 0x25) {
      return this.processModifier(name, ch);
    }
    if (ch === 0x2f) return this.processReplace(name);
    throw new LexError(`unsupported modifier (${charOf(ch)}) in substitution`);
  }

  private processModifier(name: string, first: number): string {
    const nullIsUnset = first === 0x3a;
    const op = nullIsUnset ? this.next() : first;
    const chs = nullIsUnset ? ':' + charOf(op) : charOf(op);
    const rawEscapes = op === 0x23 || op === 0x25;
    if (nullIsUnset && rawEscapes) throw new LexError(`unsupported modifier (${chs}) in substitution`);
    const wordStart = this.pos;
    let word = this.stopOnOrMissing(0x7d, rawEscapes, "syntax error: missing '}'");
    const found = this.lookup(name, false, chs);
    Object.assign(this.uses[this.uses.length - 1] as VariableUse, { wordStart, wordEnd: this.pos - 1 });
    if (found.keep) return '${' + name + chs + word + '}';
    const empty = !found.set || (nullIsUnset && found.value === '');
    switch (op) {
      case 0x2d:
        if (empty) (this.uses[this.uses.length - 1] as VariableUse).defaulted = true;
        return empty ? word : found.value;
      case 0x2b:
        return empty ? '' : word;
      case 0x3f:
        if (!found.set) throw new LexError(`${name}: ${word || 'is not allowed to be unset'}`);
        if (nullIsUnset && found.value === '') throw new LexError(`${name}: ${word || 'is not allowed to be empty'}`);
        return found.value;
      case 0x23:
      case 0x25: {
        const greedy = word.length > 0 && word.charCodeAt(0) === op;
        if (greedy) word = word.slice(1);
        return this.withPattern(word, () =>
          op === 0x25 ? trimSuffix(word, found.value, greedy) : trimPrefix(word, found.value, greedy),
        );
      }
      default:
        throw new LexError(`unsupported modifier (${chs}) in substitution`);
    }
  }

  private processReplace(name: string): string {
    const all = this.peek() === 0x2f;
    if (all) this.next();
    const pattern = this.stopOnOrMissing(0x2f, true, "syntax error: missing '/' in ${}");
    const replacement = this.stopOnOrMissing(0x7d, true, "syntax error: missing '}'");
    const found = this.lookup(name, false, all ? '//' : '/');
    if (found.keep) return '${' + name + '/' + pattern + '/' + replacement + '}';
    return this.withPattern(pattern, () => replacePattern(pattern, found.value, replacement, all));
  }

  private stopOnOrMissing(stop: number, rawEscapes: boolean, missing: string): string {
    try {
      return this.processStopOn(stop, rawEscapes).value;
    } catch (error) {
      if (error instanceof LexError && this.peek() === EOF) throw new LexError(missing);
      throw error;
    }
  }

  private withPattern(pattern: string, run: () => string): string {
    try {
      return run();
    } catch (error) {
      if (!(error instanceof PatternError)) throw error;
      throw new LexError(`invalid pattern (${pattern}) in substitution: ${error.message}`);
    }
  }
}
