/** A file or directory to put into a layer. Directories end with `/`. */
export interface TarEntry {
  path: string;
  content?: string;
}

const BLOCK = 512;

function writeField(header: Buffer, offset: number, length: number, value: string): void {
  header.write(value, offset, length, 'utf8');
}

function octal(value: number, length: number): string {
  return `${value.toString(8).padStart(length - 1, '0')}\0`;
}

/** A ustar header with fixed owner, mode and mtime 0, so the same entries always give the same bytes. */
function header(entry: TarEntry, size: number): Buffer {
  const isDir = entry.path.endsWith('/');
  const block = Buffer.alloc(BLOCK);
  writeField(block, 0, 100, entry.path);
  writeField(block, 100, 8, octal(isDir ? 0o755 : 0o644, 8));
  writeField(block, 108, 8, octal(0, 8));
  writeField(block, 116, 8, octal(0, 8));
  writeField(block, 124, 12, octal(size, 12));
  writeField(block, 136, 12, octal(0, 12));
  writeField(block, 148, 8, ' '.repeat(8));
  writeField(block, 156, 1, isDir ? '5' : '0');
  writeField(block, 257, 8, 'ustar\u000000');
  let sum = 0;
  for (const byte of block) sum += byte;
  writeField(block, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return block;
}

function padding(size: number): Buffer {
  return Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);
}

/** An uncompressed tar archive of `entries`, ending with the two zero blocks tar expects. */
export function createTar(entries: readonly TarEntry[]): Buffer {
  const parts = entries.flatMap((entry) => {
    const body = Buffer.from(entry.content ?? '', 'utf8');
    return [header(entry, body.length), body, padding(body.length)];
  });
  return Buffer.concat([...parts, Buffer.alloc(BLOCK * 2)]);
}
