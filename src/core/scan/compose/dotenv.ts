/**
 * `.env` files as Compose reads them (compose-go `dotenv`, the path `GetEnvFromFile` takes for the project `.env`):
 * keys that start with a digit are kept, and `${VAR}` in values resolves from the lookup first (the process
 * environment), then from keys read earlier.
 */
import type { ScanError } from '../found-image';
import { LineIndex, type SourceRange } from '../source-range';
import { DotenvParser, type DotenvEntry, type DotenvLookup } from './dotenv-parser';

export interface DotenvValue {
  value: string;
  /** Where the value text is written (inside the quotes when quoted; the key of a bare `KEY` line). */
  range: SourceRange;
  /** The env file it is written in, when several were read (`--env-file a --env-file b`). */
  file?: string;
}

export interface DotenvParse {
  values: Map<string, DotenvValue>;
  errors: ScanError[];
}

const BOM = '\ufeff';

/**
 * Parses one `.env` text. `earlier` holds values of env files read before this one (Compose's `--env-file a
 * --env-file b`): they are visible to `${VAR}` and are overridden by this file; the result holds both. Ranges are
 * positions in the text without its UTF-8 BOM, as editors show it. compose-go stops at the first error; so does this.
 */
export function parseDotenv(text: string, lookup?: DotenvLookup, earlier?: Map<string, DotenvValue>): DotenvParse {
  const body = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  const entries = new Map<string, DotenvEntry>();
  const visible = (name: string) => lookup?.(name) ?? entries.get(name)?.value ?? earlier?.get(name)?.value;
  const parser = new DotenvParser(body, entries, visible);
  const failure = parser.parse();
  const index = new LineIndex(body);
  const values = new Map(earlier);
  for (const [key, entry] of entries)
    values.set(key, { value: entry.value, range: index.range(entry.start, entry.end) });
  return { values, errors: failure ? [failure] : [] };
}
