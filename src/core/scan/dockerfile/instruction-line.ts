import type { Flag, InstructionNode, Word } from './instruction';
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
  const command = split.command.toLowerCase();
  const flags = from === 0 ? split.flags : split.flags.map((flag) => shiftFlag(flag, from));
  if (command === 'onbuild') {
    if (split.argsStart >= split.argsEnd) return { command: split.command, flags, args: [], json: false };
    if (depth >= MAX_TRIGGER_DEPTH) return { error: 'ONBUILD triggers nested too deeply' };
    const trigger = parseInstruction(line, escape, split.argsStart + from, depth + 1);
    if ('error' in trigger) return trigger;
    return { command: split.command, flags, args: [], json: false, trigger };
  }
  try {
    const parsed = parseArguments(command, text, split.argsStart, split.argsEnd, escape);
    const args = from === 0 ? parsed.args : parsed.args.map((word) => shiftWord(word, from));
    return { command: split.command, flags, args, json: parsed.json };
  } catch (error) {
    if (error instanceof ArgsError) return { error: error.message };
    throw error;
  }
}

/** An ONBUILD trigger is parsed from a slice of its line; its spans are moved back into the whole line. */
function shiftWord<T extends Word>(word: T, by: number): T {
  return { ...word, start: word.start + by, end: word.end + by };
}

function shiftFlag(flag: Flag, by: number): Flag {
  const shifted = shiftWord(flag, by);
  if (flag.positions) shifted.positions = flag.positions.map((p) => p + by);
  return shifted;
}
