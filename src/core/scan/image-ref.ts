import type { Reference } from '../reference';
import type { FoundImage } from './found-image';

/** A found image reference, placed in its file and normalized exactly as Docker does (or with `error` set). */
export interface ImageRef extends FoundImage {
  file: string;
  /** The normalized reference (`:latest` added only when neither tag nor digest is written), or null with `error`. */
  reference: Reference | null;
}

export interface FileError {
  file: string;
  line: number | null;
  message: string;
}

export interface WorkspaceScan {
  references: ImageRef[];
  errors: FileError[];
  /** Files that were scanned, for summaries. */
  files: number;
}
