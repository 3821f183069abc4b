import type { VariableOrigin } from '../found-image';
import { AUTOMATIC_PLATFORM_ARGS, parsePlatform, platformArgs } from './platform';

/**
 * The variables FROM sees (BuildKit's globalArgs): the automatic platform ARGs and TARGETSTAGE, then the ARGs
 * declared before the first FROM, each overridden by a build arg of the same name.
 */
export interface ArgValue {
  value: string;
  origin?: VariableOrigin;
  /** The automatic ARG this value was built from when the builder alone knows it (kept as written in `value`). */
  builderDependent?: string;
}

export interface GlobalArgsOptions {
  buildArgs?: Record<string, string>;
  platform?: string;
  buildPlatform?: string;
}

export class GlobalArgs {
  private readonly values = new Map<string, ArgValue>();
  /** Automatic ARGs no option gave a value: expansion keeps them as written. */
  private readonly unknown = new Set<string>(AUTOMATIC_PLATFORM_ARGS);
  private readonly declared = new Set<string>();
  readonly errors: string[] = [];

  constructor(private readonly options: GlobalArgsOptions) {
    this.usePlatform('TARGET', options.platform);
    this.usePlatform('BUILD', options.buildPlatform);
    for (const name of AUTOMATIC_PLATFORM_ARGS) {
      const value = this.buildArg(name);
      if (value !== undefined) this.set(name, { value, origin: { name, source: 'build-arg' } });
    }
  }

  private usePlatform(prefix: 'TARGET' | 'BUILD', spec: string | undefined): void {
    if (spec === undefined) return;
    const platform = parsePlatform(spec);
    if (!platform) {
      this.errors.push(`invalid ${prefix === 'TARGET' ? 'platform' : 'build platform'} option "${spec}"`);
      return;
    }
    for (const [name, value] of platformArgs(prefix, platform))
      this.set(name, { value, origin: { name, source: 'build-arg' } });
  }

  buildArg(name: string): string | undefined {
    const args = this.options.buildArgs;
    return args && Object.hasOwn(args, name) ? args[name] : undefined;
  }

  set(name: string, value: ArgValue): void {
    this.values.set(name, value);
    this.unknown.delete(name);
  }

  declare(name: string): void {
    this.declared.add(name);
  }

  isDeclared(name: string): boolean {
    return this.declared.has(name) || this.values.has(name);
  }

  get(name: string): ArgValue | undefined {
    return this.values.get(name);
  }

  /** True for an automatic ARG whose value depends on the builder, which the options did not give. */
  isUnknown(name: string): boolean {
    return this.unknown.has(name);
  }

  /** The builder-set ARG that `name`'s value depends on, if any. */
  builderDependency(name: string): string | undefined {
    return this.unknown.has(name) ? name : this.values.get(name)?.builderDependent;
  }

  readonly lookup = (name: string): string | undefined => this.values.get(name)?.value;
  readonly keepUnset = (name: string): boolean => this.unknown.has(name);
}
