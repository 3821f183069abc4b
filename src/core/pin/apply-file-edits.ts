import type { FileSystem } from '../ports/file-system';
import { PinError, applyTextEdits, type TextEdit } from './text-edit';

const BOM = '\uFEFF';
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Applies edits to a file that was scanned as `scannedText`: refused when the file changed on disk since (PIN_FILE_CHANGED),
 * written atomically otherwise. A byte-order mark and line endings are kept as they are.
 */
export async function applyFileEdits(
  fs: FileSystem,
  path: string,
  scannedText: string,
  edits: TextEdit[],
  maxBytes: number,
): Promise<void> {
  const raw = decoder.decode(await fs.readFile(path, maxBytes));
  const hasBom = raw.startsWith(BOM);
  const current = hasBom ? raw.slice(1) : raw;
  if (current !== scannedText) {
    throw new PinError(
      'PIN_FILE_CHANGED',
      `${path} changed on disk since it was scanned; it was not written — run again`,
    );
  }
  const edited = applyTextEdits(current, edits);
  await fs.writeFileAtomic(path, encoder.encode(hasBom ? BOM + edited : edited));
}
