import { csvFields } from './csv-fields';

/**
 * The `from=` of a `RUN --mount=...` value, parsed as BuildKit does before expansion (parseMount without an
 * expander): keys are case-insensitive, the last `from` wins, `from` may not use variables.
 */
export interface MountFrom {
  /** The value; empty when the mount has no `from`. */
  from: string;
  /** Indices in the flag value of the first and after the last character of `from`. */
  start: number;
  end: number;
}

export function parseMountFrom(value: string): MountFrom | { error: string } {
  const fields = csvFields(value);
  if ('error' in fields) return { error: `failed to parse csv mounts: ${fields.error}` };
  let found: MountFrom = { from: '', start: 0, end: 0 };
  for (const field of fields) {
    const eq = field.text.indexOf('=');
    if (eq === -1 || field.text.slice(0, eq).toLowerCase() !== 'from') continue;
    const from = field.text.slice(eq + 1);
    const dollar = from.indexOf('$');
    if (dollar !== -1 && dollar !== from.length - 1) {
      return { error: "'from' doesn't support variable expansion, define alias stage instead" };
    }
    const indices = field.indices.slice(eq + 1);
    const start = indices[0] ?? (field.indices[eq] as number) + 1;
    found = { from, start, end: indices.length > 0 ? (indices[indices.length - 1] as number) + 1 : start };
  }
  return found;
}
