import type { FoundImage } from '../found-image';
import { parseBuilderFlags } from './builder-flags';
import { expandWord, variableOrigins } from './expand-word';
import type { FilePositions } from './file-positions';
import type { GlobalArgs } from './global-args';
import type { Instruction, Word } from './instruction';

/**
 * A FROM line read as BuildKit's parseFrom and buildDispatchStates do: `image [AS name]`, `--platform`, the base name
 * expanded with the global ARGs.
 */
export interface FromStage {
  /** The AS name, lowercased as BuildKit keys stages. */
  name?: string;
  base?: Word;
  /** The base name after expansion (builder ARGs kept as written); null when BuildKit would fail. */
  expanded: string | null;
  platform?: string;
  errors: string[];
  /** The image this FROM names, when the base is not a stage and not `scratch` (decided by the caller). */
  image?: FoundImage;
}

const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

export function readFrom(instruction: Instruction): Pick<FromStage, 'name' | 'base' | 'errors'> {
  const args = instruction.args;
  const errors: string[] = [];
  let name: string | undefined;
  if (args.length === 3 && args[1]?.value.toLowerCase() === 'as') {
    name = (args[2] as Word).value.toLowerCase();
    if (!STAGE_NAME.test(name)) {
      errors.push(
        `invalid name for build stage: "${args[2]?.value}", name can't start with a number or contain symbols`,
      );
      name = undefined;
    }
  } else if (args.length !== 1) errors.push('FROM requires either one or three arguments');
  const result: Pick<FromStage, 'name' | 'base' | 'errors'> = { errors };
  if (name !== undefined) result.name = name;
  if (args[0]) result.base = args[0];
  return result;
}

export function expandFrom(
  instruction: Instruction,
  stage: Pick<FromStage, 'name' | 'base' | 'errors'>,
  args: GlobalArgs,
  escape: string,
  positions: FilePositions,
): FromStage {
  const result: FromStage = { errors: stage.errors, expanded: null };
  if (stage.name !== undefined) result.name = stage.name;
  if (stage.base !== undefined) result.base = stage.base;
  const flags = parseBuilderFlags('from', instruction.flags);
  for (const error of flags?.errors ?? []) result.errors.push(error);
  const platform = flags?.values.get('platform')?.[0];
  if (platform) result.platform = expandWord(platform.value, args, escape).value ?? platform.value;
  const base = stage.base;
  if (!base) return result;
  const expansion = expandWord(base.value, args, escape);
  result.expanded = expansion.value;
  const written = positions.written(instruction.line, base.start, base.end);
  const image: FoundImage = {
    kind: 'from',
    range: written.range,
    text: written.text,
    expanded: expansion.error ? null : expansion.value,
  };
  if (expansion.error) image.error = expansion.error;
  if (result.platform !== undefined) image.platform = result.platform;
  const toFile = (start: number, end: number) =>
    positions.range(instruction.line, base.start + start, base.start + end);
  const variables = variableOrigins(expansion.uses, args, toFile);
  if (variables.length > 0) image.variables = variables;
  result.image = image;
  return result;
}
