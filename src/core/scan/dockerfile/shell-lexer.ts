import { isGoSpace } from '../go-space';
import { EOF, LexError, ShellScanner } from './shell-scanner';

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

/** Expands one word; `value` is ProcessWord's result, `words` ProcessWords' split of it. */
export function lexWord(source: string, env: Env, options: LexOptions = {}): LexResult {
  if (isPlain(source, options.escape ?? '\\')) return { ok: true, value: source, words: splitPlain(source), uses: [] };
  const lexer = new ShellScanner(source, env, options);
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
