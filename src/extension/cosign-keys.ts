import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { CoreError } from '../core/errors';
import { parseCosignKey, type CosignKey } from '../core/trust/sigstore';

export interface CosignKeys {
  keys: CosignKey[];
  /** One per setting entry that is neither a readable file nor a PEM key: shown to the user, never skipped silently. */
  errors: CoreError[];
}

const PEM_START = '-----BEGIN';

function readEntry(entry: string, folder: string | undefined): { pem: string; name: string } {
  if (entry.trimStart().startsWith(PEM_START)) return { pem: entry, name: 'imageTrust.cosign.keys (PEM)' };
  const path = isAbsolute(entry) || folder === undefined ? entry : join(folder, entry);
  try {
    return { pem: readFileSync(path, 'utf8'), name: entry };
  } catch (error) {
    throw new CoreError('COSIGN_KEY_UNREADABLE', `cannot read the cosign key file ${entry}`, { cause: error });
  }
}

/** `imageTrust.cosign.keys`: PEM text or paths (relative to the first workspace folder), parsed once per settings. */
export function readCosignKeys(entries: readonly string[], folder: string | undefined): CosignKeys {
  const result: CosignKeys = { keys: [], errors: [] };
  for (const entry of entries) {
    try {
      const { pem, name } = readEntry(entry, folder);
      result.keys.push(parseCosignKey(pem, name));
    } catch (error) {
      result.errors.push(error instanceof CoreError ? error : new CoreError('COSIGN_INVALID_KEY', String(error)));
    }
  }
  return result;
}
