import type { VariableOrigin } from '../found-image';
import type { GlobalArgs } from './global-args';
import { lexWord, type VariableUse } from './shell-lexer';

/**
 * Expands a FROM word or `--platform` value with the global ARGs, as BuildKit's ProcessWordWithMatches, and says
 * which variables fed it and why it cannot be resolved when it cannot.
 */
export interface Expansion {
  /** The value with builder-dependent ARGs kept as written; null when BuildKit would fail. */
  value: string | null;
  /** Why `value` is not a usable reference (set even when `value` is not null). */
  error?: string;
  uses: VariableUse[];
}

export function expandWord(word: string, args: GlobalArgs, escape: string): Expansion {
  const lexed = lexWord(word, args.lookup, { escape, keepUnset: args.keepUnset });
  if (!lexed.ok) return { value: null, error: lexed.reason, uses: lexed.uses };
  const expansion: Expansion = { value: lexed.value, uses: lexed.uses };
  const problem = explainUses(lexed.uses, args);
  if (problem) expansion.error = problem;
  else if (lexed.value === '') expansion.error = emptyMessage(word, lexed.uses);
  return expansion;
}

/** An ARG used as is but without a value, or one only the builder knows, makes the reference unresolved. */
function explainUses(uses: VariableUse[], args: GlobalArgs): string | undefined {
  for (const use of uses) {
    const dependency = args.builderDependency(use.name);
    if (dependency !== undefined) {
      const via = dependency === use.name ? '' : ` (through ${use.name})`;
      return `${dependency} is set by the builder${via}; give a platform to resolve it`;
    }
    if (use.set || !use.plain) continue;
    if (!args.isDeclared(use.name)) return `${use.name} is not declared with ARG before the first FROM`;
  }
  return undefined;
}

/** Where each variable's value came from; `toFile` maps an input index of the word to its file range. */
export function variableOrigins(
  uses: VariableUse[],
  args: GlobalArgs,
  toFile: (start: number, end: number) => VariableOrigin['valueRange'],
): VariableOrigin[] {
  const origins: VariableOrigin[] = [];
  const seen = new Set<string>();
  for (const use of uses) {
    const key = `${use.name}\u0000${use.defaulted ? 'default' : ''}`;
    if (seen.has(key)) continue;
    const origin = use.defaulted ? defaultOrigin(use, toFile) : use.set ? args.get(use.name)?.origin : undefined;
    if (!origin) continue;
    seen.add(key);
    origins.push(origin);
  }
  return origins;
}

function defaultOrigin(use: VariableUse, toFile: (start: number, end: number) => VariableOrigin['valueRange']) {
  const origin: VariableOrigin = { name: use.name, source: 'default' };
  if (use.wordStart !== undefined && use.wordEnd !== undefined) origin.valueRange = toFile(use.wordStart, use.wordEnd);
  return origin;
}

function emptyMessage(word: string, uses: VariableUse[]): string {
  const names = [...new Set(uses.filter((use) => use.plain).map((use) => use.name))];
  const why = names.length > 0 ? ` (${names.join(', ')} ${names.length > 1 ? 'have' : 'has'} no value)` : '';
  return `"${word}" expands to an empty name${why}`;
}
