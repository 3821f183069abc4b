import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { CoreError } from '../core/errors';
import { parseCosignKey, type CosignKey } from '../core/trust/sigstore';

export interface CosignKeys {
  /** Each setting or policy entry (a path or PEM text) and its key. */
  keys: Map<string, CosignKey>;
  /** One per setting entry that is neither a readable file nor a PEM key: shown to the user, never skipped silently. */
  errors: CoreError[];
}

const PEM_START = '-----BEGIN';

function readEntry(entry: string, folder: string | undefined): { pem: string; name: string } {
  if (entry.trimStart().startsWith(PEM_START)) return { pem: entry, name: 'an inline PEM key' };
  const path = isAbsolute(entry) || folder === undefined ? entry : join(folder, entry);
  try {
    return { pem: readFileSync(path, 'utf8'), name: entry };
  } catch (error) {
    throw new CoreError('COSIGN_KEY_UNREADABLE', `cannot read the cosign key file ${entry}`, { cause: error });
  }
}

/** Key entries (settings or policy): PEM text or paths relative to `folder`, parsed once per settings change. */
export function readCosignKeys(entries: readonly string[], folder: string | undefined): CosignKeys {
  const result: CosignKeys = { keys: new Map(), errors: [] };
  for (const entry of entries) {
    try {
      const { pem, name } = readEntry(entry, folder);
      result.keys.set(entry, parseCosignKey(pem, name));
    } catch (error) {
      result.errors.push(error instanceof CoreError ? error : new CoreError('COSIGN_INVALID_KEY', String(error)));
    }
  }
  return result;
}
