import type { SourceRange } from '../source-range';
import type { ArgValue, GlobalArgs } from './global-args';
import type { Instruction } from './instruction';
import { lexWord } from './shell-lexer';

/**
 * An ARG before the first FROM (buildMetaArgs): a build arg of the same name wins; else the default is expanded
 * with the ARGs before it; an ARG without either stays unset. Returns the errors BuildKit would fail with.
 */
export function applyMetaArg(
  instruction: Instruction,
  args: GlobalArgs,
  escape: string,
  toRange: (logicalStart: number, logicalEnd: number) => SourceRange,
): string[] {
  if (instruction.args.length === 0) return ['ARG requires at least one argument'];
  const errors: string[] = [];
  for (const word of instruction.args) {
    const eq = word.value.indexOf('=');
    const name = eq === -1 ? word.value : word.value.slice(0, eq);
    if (name === '') {
      errors.push('ARG names can not be blank');
      continue;
    }
    args.declare(name);
    const fromBuildArg = args.buildArg(name);
    if (fromBuildArg !== undefined) {
      args.set(name, { value: fromBuildArg, origin: { name, source: 'build-arg' } });
      continue;
    }
    if (eq === -1) continue;
    const lexed = lexWord(word.value.slice(eq + 1), args.lookup, { escape, keepUnset: args.keepUnset });
    if (!lexed.ok) {
      errors.push(lexed.reason);
      continue;
    }
    const valueRange = toRange(word.start + eq + 1, word.end);
    const value: ArgValue = { value: lexed.value, origin: { name, source: 'arg', valueRange } };
    const dependency = lexed.uses.find((use) => args.builderDependency(use.name) !== undefined);
    if (dependency) value.builderDependent = args.builderDependency(dependency.name);
    args.set(name, value);
  }
  return errors;
}
