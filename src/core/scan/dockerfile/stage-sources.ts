import type { FoundImage, ScanError } from '../found-image';
import { parseBuilderFlags, type FlagValue } from './builder-flags';
import type { FilePositions } from './file-positions';
import { flagPosition, type Instruction } from './instruction';
import { parseMountFrom } from './mount-from';
import { lexWord } from './shell-lexer';
import type { StageGraph } from './stage-graph';

/**
 * The sources a stage's instructions pull in (BuildKit's toCommand): `COPY --from` (a stage by name or index, else an
 * image, never expanded) and every `RUN --mount` (from= a stage, else an image; no from counts as `scratch`).
 */
export interface StageContext {
  state: number;
  stage: string;
  platform?: string;
  escape: string;
  graph: StageGraph;
  positions: FilePositions;
  errors: ScanError[];
}

export function addInstructionSources(written: Instruction, context: StageContext): void {
  const instruction = triggerOf(written) ?? written;
  const command = instruction.command.toLowerCase();
  const flags = parseBuilderFlags(command, instruction.flags);
  if (!flags) return;
  for (const message of flags.errors) context.errors.push({ line: instruction.startLine, message });
  if ((command === 'copy' || command === 'add') && instruction.args.length < 2) {
    const message = `${command.toUpperCase()} requires at least two arguments, but only one was provided. Destination could not be determined`;
    context.errors.push({ line: instruction.startLine, message });
  }
  const from = flags.values.get('from')?.[0];
  if (command === 'copy' && from && from.value !== '') addCopyFrom(instruction, from, context);
  if (command === 'run') for (const mount of flags.values.get('mount') ?? []) addMount(instruction, mount, context);
}

/**
 * An ONBUILD trigger runs in the builds of images based on this stage; its references are reported where they are
 * written, as this stage's (BuildKit evaluates them only when a later stage is built FROM this one).
 */
function triggerOf(instruction: Instruction): Instruction | undefined {
  const trigger = instruction.trigger;
  if (!trigger || instruction.command.toLowerCase() !== 'onbuild') return undefined;
  return { ...instruction, command: trigger.command, flags: trigger.flags, args: trigger.args, json: trigger.json };
}

const STAGE_INDEX = /^[+-]?[0-9]+$/;

function addCopyFrom(instruction: Instruction, from: FlagValue, context: StageContext): void {
  const error = (message: string) => {
    context.errors.push({ line: instruction.startLine, message });
  };
  const lexed = lexWord(from.value, () => undefined, { escape: context.escape });
  if (!lexed.ok || lexed.value !== from.value) {
    return error(
      'variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround',
    );
  }
  const { graph } = context;
  if (STAGE_INDEX.test(from.value)) {
    const index = Number(from.value);
    if (index < 0 || index >= graph.size) return error(`invalid stage index ${from.value}`);
    return graph.addDependency(context.state, index);
  }
  const stage = graph.findByName(from.value);
  if (stage !== undefined) return graph.addDependency(context.state, stage);
  const start = flagPosition(from.flag, from.valueStart - 1) + 1;
  const image = foundImage('copy-from', instruction, start, from.flag.end, from.value, context);
  graph.addDependency(context.state, graph.addSource(from.value, image));
}

function addMount(instruction: Instruction, mount: FlagValue, context: StageContext): void {
  const parsed = parseMountFrom(mount.value);
  if ('error' in parsed) {
    context.errors.push({ line: instruction.startLine, message: parsed.error });
    return;
  }
  const { graph } = context;
  const name = parsed.from === '' ? 'scratch' : parsed.from;
  const stage = graph.findByName(name);
  if (stage !== undefined) return graph.addDependency(context.state, stage);
  let image: FoundImage | undefined;
  if (name !== 'scratch') {
    const start = flagPosition(mount.flag, mount.valueStart + parsed.start);
    const end = flagPosition(mount.flag, mount.valueStart + parsed.end - 1) + 1;
    image = foundImage('mount-from', instruction, start, end, parsed.from, context);
  }
  graph.addDependency(context.state, graph.addSource(name, image));
}

function foundImage(
  kind: 'copy-from' | 'mount-from',
  instruction: Instruction,
  start: number,
  end: number,
  value: string,
  context: StageContext,
): FoundImage {
  const written = context.positions.written(instruction.line, start, end);
  const image: FoundImage = { kind, range: written.range, text: written.text, expanded: value };
  image.stage = context.stage;
  if (context.platform !== undefined) image.platform = context.platform;
  return image;
}
