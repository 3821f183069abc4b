import { PatternError, replacePattern, trimPrefix, trimSuffix } from './shell-pattern';
import type { VariableUse } from './shell-lexer';
import { charOf, EOF, LexError, type ShellScanner } from './shell-scanner';

/** `$V`, `${V}` and `${V<op>word}` as BuildKit's processDollar expands them. */
export function expandDollar(lexer: ShellScanner): string {
  lexer.next();
  if (lexer.peek() !== 0x7b) {
    const name = lexer.processName();
    if (name === '') return '$';
    const found = lexer.lookup(name, true);
    return found.keep ? '$' + name : found.value;
  }
  lexer.next();
  const first = lexer.peek();
  if (first === EOF) throw new LexError("syntax error: missing '}'");
  if (first === 0x7b || first === 0x7d || first === 0x3a) throw new LexError('syntax error: bad substitution');
  const name = lexer.processName();
  const ch = lexer.next();
  if (ch === 0x7d) {
    const found = lexer.lookup(name, true);
    return found.keep ? '${' + name + '}' : found.value;
  }
  if (ch === 0x3a || ch === 0x2b || ch === 0x2d || ch === 0x3f || ch === 0x23 || ch === 0x25) {
    return processModifier(lexer, name, ch);
  }
  if (ch === 0x2f) return processReplace(lexer, name);
  throw new LexError(`unsupported modifier (${charOf(ch)}) in substitution`);
}

function processModifier(lexer: ShellScanner, name: string, first: number): string {
  const nullIsUnset = first === 0x3a;
  const op = nullIsUnset ? lexer.next() : first;
  const chs = nullIsUnset ? ':' + charOf(op) : charOf(op);
  const rawEscapes = op === 0x23 || op === 0x25;
  if (nullIsUnset && rawEscapes) throw new LexError(`unsupported modifier (${chs}) in substitution`);
  const wordStart = lexer.pos;
  let word = stopOnOrMissing(lexer, 0x7d, rawEscapes, "syntax error: missing '}'");
  const found = lexer.lookup(name, false, chs);
  Object.assign(lexer.uses[lexer.uses.length - 1] as VariableUse, { wordStart, wordEnd: lexer.pos - 1 });
  if (found.keep) return '${' + name + chs + word + '}';
  const empty = !found.set || (nullIsUnset && found.value === '');
  switch (op) {
    case 0x2d:
      if (empty) (lexer.uses[lexer.uses.length - 1] as VariableUse).defaulted = true;
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
      return withPattern(word, () =>
        op === 0x25 ? trimSuffix(word, found.value, greedy) : trimPrefix(word, found.value, greedy),
      );
    }
    default:
      throw new LexError(`unsupported modifier (${chs}) in substitution`);
  }
}

function processReplace(lexer: ShellScanner, name: string): string {
  const all = lexer.peek() === 0x2f;
  if (all) lexer.next();
  const pattern = stopOnOrMissing(lexer, 0x2f, true, "syntax error: missing '/' in ${}");
  const replacement = stopOnOrMissing(lexer, 0x7d, true, "syntax error: missing '}'");
  const found = lexer.lookup(name, false, all ? '//' : '/');
  if (found.keep) return '${' + name + '/' + pattern + '/' + replacement + '}';
  return withPattern(pattern, () => replacePattern(pattern, found.value, replacement, all));
}

function stopOnOrMissing(lexer: ShellScanner, stop: number, rawEscapes: boolean, missing: string): string {
  try {
    return lexer.processStopOn(stop, rawEscapes).value;
  } catch (error) {
    if (error instanceof LexError && lexer.peek() === EOF) throw new LexError(missing);
    throw error;
  }
}

function withPattern(pattern: string, run: () => string): string {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof PatternError)) throw error;
    throw new LexError(`invalid pattern (${pattern}) in substitution: ${error.message}`);
  }
}
