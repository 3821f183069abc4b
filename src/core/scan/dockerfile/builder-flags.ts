import type { Flag } from './instruction';

/**
 * BuildKit's BFlags.Parse for the instructions whose flags matter to image references: each flag known, typed,
 * given once (unless it may repeat). Returns the flags by name and the errors BuildKit would fail with.
 */
type FlagType = 'bool' | 'string' | 'strings';

const SPECS: Record<string, Record<string, FlagType>> = {
  from: { platform: 'string' },
  copy: { chown: 'string', from: 'string', chmod: 'string', link: 'bool', exclude: 'strings', parents: 'bool' },
  add: {
    chown: 'string',
    chmod: 'string',
    link: 'bool',
    'keep-git-dir': 'bool',
    checksum: 'string',
    unpack: 'bool',
    exclude: 'strings',
  },
  run: { mount: 'strings', network: 'string', security: 'string', device: 'strings' },
  healthcheck: {
    interval: 'string',
    timeout: 'string',
    'start-period': 'string',
    'start-interval': 'string',
    retries: 'string',
  },
};

/** A flag occurrence; `valueStart` is the index in `flag.value` where its value starts. */
export interface FlagValue {
  flag: Flag;
  value: string;
  valueStart: number;
}

export interface ParsedFlags {
  values: Map<string, FlagValue[]>;
  errors: string[];
}

/** Null for instructions whose flags are not checked here. */
export function parseBuilderFlags(command: string, flags: Flag[]): ParsedFlags | null {
  const spec = Object.hasOwn(SPECS, command) ? SPECS[command] : undefined;
  if (!spec) return null;
  const values = new Map<string, FlagValue[]>();
  const errors: string[] = [];
  for (const flag of flags) {
    const text = flag.value;
    if (text === '--') break;
    if (!text.startsWith('--')) {
      errors.push(`arg should start with -- : ${text}`);
      continue;
    }
    const eq = text.indexOf('=');
    const flagName = eq === -1 ? text : text.slice(0, eq);
    const name = flagName.slice(2);
    const type = Object.hasOwn(spec, name) ? spec[name] : undefined;
    const seen = values.get(name);
    const value = eq === -1 ? '' : text.slice(eq + 1);
    // BuildKit stops at the first bad flag; a scanner notes it and keeps the other flags.
    const error = !type
      ? `unknown flag: ${flagName}`
      : seen !== undefined && type !== 'strings'
        ? `duplicate flag specified: ${flagName}`
        : checkValue(type, flagName, value, eq !== -1);
    if (error) errors.push(error);
    else if (seen) seen.push({ flag, value, valueStart: eq + 1 });
    else values.set(name, [{ flag, value, valueStart: eq + 1 }]);
  }
  return { values, errors };
}

function checkValue(type: FlagType, flagName: string, value: string, hasValue: boolean): string | undefined {
  if (type !== 'bool') return hasValue ? undefined : `missing a value on flag: ${flagName}`;
  if (hasValue && value === '') return `missing a value on flag: ${flagName}`;
  if (!['true', 'false', ''].includes(value.toLowerCase())) {
    return `expecting boolean value for flag ${flagName}, not: ${value}`;
  }
  return undefined;
}
