import { heredocsFromLine } from './heredocs';
import type { Heredoc, Instruction, InstructionNode } from './instruction';
import type { PhysicalLines } from './physical-lines';

const HEREDOC_COMMANDS = new Set(['add', 'copy', 'run']);

/** canContainHeredoc: RUN, COPY and ADD in shell form, also as an ONBUILD trigger. */
function canContainHeredoc(instruction: InstructionNode): boolean {
  const target =
    instruction.command.toLowerCase() === 'onbuild' && instruction.trigger ? instruction.trigger : instruction;
  return HEREDOC_COMMANDS.has(target.command.toLowerCase()) && !target.json;
}

/**
 * Reads the bodies of the heredocs an instruction opens, so they are never taken for instructions. An unterminated
 * heredoc is an error; then the lines after the instruction are read again as instructions, as a user would expect.
 */
export function readHeredocBodies(
  instruction: Instruction,
  lines: PhysicalLines,
  missing: Map<string, number>,
): Heredoc[] | { error: string } {
  const text = instruction.line.text;
  if (!canContainHeredoc(instruction) || !text.includes('<<')) return [];
  const words = heredocsFromLine(text);
  if ('error' in words) return words;
  const bodies: Heredoc[] = [];
  const mark = lines.mark();
  for (const word of words) {
    let content = '';
    let terminated = false;
    // A delimiter absent from some line to the end is absent from any later line too: keeps this linear.
    const key = `${word.chomp ? '-' : ''}${word.name}`;
    const seenMissingFrom = missing.get(key);
    const from = lines.mark().next;
    if (seenMissingFrom !== undefined && from >= seenMissingFrom) {
      lines.reset(mark);
      return { error: 'unterminated heredoc' };
    }
    while (lines.read()) {
      let from = lines.start;
      if (word.chomp) while (from < lines.end && lines.text.charCodeAt(from) === 0x09) from++;
      if (lines.end - from === word.name.length && lines.text.startsWith(word.name, from)) {
        terminated = true;
        break;
      }
      content += lines.raw();
    }
    if (!terminated) {
      missing.set(key, from);
      lines.reset(mark);
      return { error: 'unterminated heredoc' };
    }
    bodies.push({
      name: word.name,
      fileDescriptor: word.fileDescriptor,
      expand: word.expand,
      chomp: word.chomp,
      content,
    });
  }
  return bodies;
}
