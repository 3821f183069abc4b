import type { LogicalLine } from './logical-line';

/** A word of an instruction and its raw span [start, end) in the logical line. */
export interface Word {
  value: string;
  start: number;
  end: number;
}

/**
 * A `--name=value` builder flag after quote and escape removal. `positions[i]` is the logical index of value[i];
 * absent when the flag had no quotes nor escapes (value[i] is then at start + i), which is the common case.
 */
export interface Flag extends Word {
  positions?: number[];
}

/** The logical index of character `i` of a flag's value. */
export function flagPosition(flag: Flag, i: number): number {
  return flag.positions ? (flag.positions[i] as number) : flag.start + i;
}

export interface Heredoc {
  name: string;
  fileDescriptor: number;
  expand: boolean;
  chomp: boolean;
  content: string;
}

/** One parsed instruction line (BuildKit's AST node): command as written, flags, argument values (the Next chain). */
export interface InstructionNode {
  command: string;
  flags: Flag[];
  args: Word[];
  /** The arguments were a JSON array (exec form). */
  json: boolean;
  /** ONBUILD's trigger instruction. */
  trigger?: InstructionNode;
}

/** An instruction of the file, with its heredocs and where it is. */
export interface Instruction extends InstructionNode {
  heredocs: Heredoc[];
  startLine: number;
  endLine: number;
  line: LogicalLine;
}
