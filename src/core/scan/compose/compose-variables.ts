/**
 * The variables a compose file is interpolated with, in Compose's order: the process environment, then the `.env`
 * values (a `${V:-x}` default applies only when both lack V). `name:` sets COMPOSE_PROJECT_NAME above both, as the
 * compose-go loader does. Also turns what interpolation looked up into VariableOrigins for pinning.
 */
import type { VariableOrigin } from '../found-image';
import type { LineIndex } from '../source-range';
import type { WrittenScalar } from './compose-scalar';
import type { DotenvValue } from './dotenv';
import { interpolate, type Interpolation, type VariableUse } from './interpolate';

export interface ComposeVariableSources {
  environment: Record<string, string | undefined>;
  dotenv?: { file: string; values: Map<string, DotenvValue> };
}

export const PROJECT_NAME_VARIABLE = 'COMPOSE_PROJECT_NAME';

export class ComposeVariables {
  projectName: string | undefined;

  constructor(
    private readonly sources: ComposeVariableSources,
    private readonly index: LineIndex,
  ) {}

  readonly lookup = (name: string): string | undefined => {
    if (name === PROJECT_NAME_VARIABLE && this.projectName) return this.projectName;
    return this.fromEnvironment(name) ?? this.sources.dotenv?.values.get(name)?.value;
  };

  interpolate(text: string): Interpolation {
    return interpolate(text, this.lookup);
  }

  /** Where each value that fed an interpolation came from; unset variables without a default have none. */
  origins(used: VariableUse[], scalar: WrittenScalar): VariableOrigin[] {
    const origins = new Map<string, VariableOrigin>();
    for (const use of used) {
      const origin = this.originOf(use, scalar);
      if (origin) origins.set(JSON.stringify(origin), origin);
    }
    return [...origins.values()];
  }

  private originOf(use: VariableUse, scalar: WrittenScalar): VariableOrigin | undefined {
    const { name } = use;
    if (use.branch) {
      // The branch text is in this file; its range is known when the scalar is written as its value.
      if (!scalar.verbatim) return { name, source: 'default' };
      return {
        name,
        source: 'default',
        valueRange: this.index.range(scalar.start + use.branch.start, scalar.start + use.branch.end),
      };
    }
    if (!use.found || (name === PROJECT_NAME_VARIABLE && this.projectName)) return undefined;
    if (this.fromEnvironment(name) !== undefined) return { name, source: 'env' };
    const dotenv = this.sources.dotenv;
    const value = dotenv?.values.get(name);
    return dotenv && value
      ? { name, source: 'dotenv', file: value.file ?? dotenv.file, valueRange: value.range }
      : undefined;
  }

  private fromEnvironment(name: string): string | undefined {
    return Object.hasOwn(this.sources.environment, name) ? this.sources.environment[name] : undefined;
  }
}
