import type { ScanError } from '../found-image';
import { readFrom } from './from-instruction';
import type { Instruction } from './instruction';
import { KNOWN_INSTRUCTIONS } from './line-parsers';

/** A FROM and the instructions after it. */
export interface Stage {
  from: Instruction;
  read: ReturnType<typeof readFrom>;
  commands: Instruction[];
}

/** instructions.Parse: ARGs before the first FROM are meta ARGs; anything else there has no stage to go to. */
export function splitStages(
  instructions: Instruction[],
  errors: ScanError[],
): { meta: Instruction[]; stages: Stage[] } {
  const meta: Instruction[] = [];
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    const command = instruction.command.toLowerCase();
    if (!KNOWN_INSTRUCTIONS.has(command)) {
      errors.push({ line: instruction.startLine, message: `unknown instruction: ${instruction.command}` });
    } else if (command === 'from') {
      const read = readFrom(instruction);
      for (const message of read.errors) errors.push({ line: instruction.startLine, message });
      read.errors = [];
      stages.push({ from: instruction, read, commands: [] });
    } else if (stages.length > 0) (stages[stages.length - 1] as Stage).commands.push(instruction);
    else if (command === 'arg') meta.push(instruction);
    else errors.push({ line: instruction.startLine, message: 'no build stage in current context' });
  }
  return { meta, stages };
}
