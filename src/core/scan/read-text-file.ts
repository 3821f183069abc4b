import type { FileSystem } from '../ports/file-system';

export type TextFileResult = { ok: true; text: string } | { ok: false; message: string };

const decoder = new TextDecoder('utf-8', { ignoreBOM: false });

function formatSize(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** Reads a file as text the way BuildKit and Compose would accept it: UTF-8, BOM dropped, no NUL bytes. */
export async function readTextFile(fs: FileSystem, path: string, maxBytes: number): Promise<TextFileResult> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(path, maxBytes);
  } catch (error) {
    return {
      ok: false,
      message: `cannot read file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    };
  }
  if (bytes.length > maxBytes) {
    return { ok: false, message: `file is larger than ${formatSize(maxBytes)}; not scanned` };
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    return { ok: false, message: 'binary file (contains NUL bytes); not scanned' };
  }
  return { ok: true, text: decoder.decode(bytes) };
}
