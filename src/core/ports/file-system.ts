export type EntryKind = 'file' | 'directory' | 'symlink' | 'other';

export interface DirectoryEntry {
  name: string;
  kind: EntryKind;
}

/** The file-system port: the core reads files only through this (src/node/node-file-system.ts is the real one). */
export interface FileSystem {
  /** Reads at most `maxBytes + 1` bytes, so a caller can tell a file over its cap without reading all of it. */
  readFile(path: string, maxBytes: number): Promise<Uint8Array>;
  readDirectory(path: string): Promise<DirectoryEntry[]>;
  /** Writes through a temporary file in the same folder and a rename, so a reader never sees half a file. */
  writeFileAtomic(path: string, data: Uint8Array): Promise<void>;
  /** Follows symlinks; null when nothing is there. */
  kindOf(path: string): Promise<EntryKind | null>;
}
