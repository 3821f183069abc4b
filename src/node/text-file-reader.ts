import { readFile } from 'node:fs/promises';
import type { TextFileReader } from '../core/registry/ports';

const MAX_CONFIG_BYTES = 1024 * 1024;

/** Reads a small UTF-8 file; `undefined` when it does not exist. A config file is never read beyond 1 MiB. */
export const readTextFile: TextFileReader = async (path) => {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (bytes.length > MAX_CONFIG_BYTES) throw new RangeError(`${path} is larger than ${MAX_CONFIG_BYTES} bytes`);
  return bytes.toString('utf8');
};
