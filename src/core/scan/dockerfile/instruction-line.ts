import type { InstructionNode } from './instruction';
import { ArgsError, parseArguments } from './line-parsers';
import { splitCommand } from './split-command';

/** newNodeFromLine: one logical line → command, flags and arguments (ONBUILD parses its trigger the same way). */
/** ONBUILD triggers nest by recursion; BuildKit rejects ONBUILD ONBUILD anyway, so depth is bounded. */
const MAX_TRIGGER_DEPTH = 4;

export function parseInstruction(
  line: string,
  escape: number,
  from = 0,
  depth = 0,
): InstructionNode | { error: string } {
  const text = from === 0 ? line : line.slice(from);
  const split = splitCommand(text, escape);
  const shift = <T extends { start: number; end: number }>(word: T): T => ({
    ...word,
    start: word.start + from,
    end: word.end + from,
  });
  const command = split.command.toLowerCase();
  const flags = split.flags.map((flag) => ({ ...shift(flag), positions: flag.positions.map((p) => p + from) }));
  if (command === 'onbuild') {
    if (split.argsStart >= split.argsEnd) return { command: split.command, flags, args: [], json: false };
    if (depth >= MAX_TRIGGER_DEPTH) return { error: 'ONBUILD triggers nested too deeply' };
    const trigger = parseInstruction(line, escape, split.argsStart + from, depth + 1);
    if ('error' in trigger) return trigger;
    return { command: split.command, flags, args: [], json: false, trigger };
  }
  try {
    const parsed = parseArguments(command, text, split.argsStart, split.argsEnd, escape);
    return { command: split.command, flags, args: parsed.args.map(shift), json: parsed.json };
  } catch (error) {
    if (error instanceof ArgsError) return { error: error.message };
    throw error;
  }
}
