/**
 * What reading one service needs: its name, the document walker, the file's variables and positions. Failures are
 * reported here once, with the dotted path compose-go would name, and come back as null.
 */
import { type Node, type Scalar } from 'yaml';
import type { LineIndex, SourceRange } from '../source-range';
import { writtenScalar, type WrittenScalar } from './compose-scalar';
import type { ComposeVariables } from './compose-variables';
import type { YamlWalker } from './yaml-walker';

export interface FileContext {
  source: string;
  index: LineIndex;
  variables: ComposeVariables;
}

/** Reads one service's values; also a top-level key's (`include`), given that key as the prefix of its messages. */
export class ServiceContext {
  constructor(
    readonly name: string,
    readonly walker: YamlWalker,
    readonly file: FileContext,
    readonly prefix = `services.${name}`,
  ) {}

  /** The node's text without the line breaks and blanks a block collection ends with. */
  rangeOf(node: Node): SourceRange {
    const [start, valueEnd] = node.range ?? [0, 0];
    let end = valueEnd;
    while (end > start && /\s/.test(this.file.source.charAt(end - 1))) end -= 1;
    return this.file.index.range(start, end);
  }

  written(node: Scalar): WrittenScalar {
    return writtenScalar(node, this.file.source, this.file.index);
  }

  lookup(name: string): string | undefined {
    return this.file.variables.lookup(name);
  }

  /** The interpolated text of a scalar at `services.<name>.<path>`; numbers and booleans too when `coerce`. */
  text(node: Scalar, path: string, coerce = false): string | null {
    const { value } = node;
    if (typeof value !== 'string') {
      if (coerce && (typeof value === 'number' || typeof value === 'boolean')) return String(value);
      this.problem(node, `${this.prefix}.${path} must be a string`);
      return null;
    }
    const result = this.file.variables.interpolate(value);
    if (!result.error) return result.value;
    this.problem(node, interpolationMessage(`${this.prefix}.${path}`, result.error));
    return null;
  }

  problem(node: Node, message: string): void {
    this.walker.problem(node, message);
  }
}

/** compose-go's interpolation error for a path (interpolation.newPathError). */
export function interpolationMessage(
  path: string,
  error: { code: string; message: string; template?: string },
): string {
  return error.code === 'COMPOSE_INVALID_TEMPLATE'
    ? `invalid interpolation format for ${path}.\nYou may need to escape any $ with another $.\n${error.template ?? ''}`
    : `error while interpolating ${path}: ${error.message}`;
}
