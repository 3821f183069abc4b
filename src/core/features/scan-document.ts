import { basename } from 'node:path';
import { scanCompose, type DotenvValue } from '../scan/compose';
import { scanDockerfile } from '../scan/dockerfile';
import { kindOfDiscoveredFile, type ScannableKind } from '../scan/file-kinds';
import type { ScanError } from '../scan/found-image';
import type { ImageRef } from '../scan/image-ref';
import { normalizeFoundImage } from '../scan/normalize-found-image';

/** The languages VS Code (and the Docker extension) give these files. */
const LANGUAGE_KINDS: Record<string, ScannableKind> = { dockerfile: 'dockerfile', dockercompose: 'compose' };

/** What an open document is to the scanners, from its language and its name; null when it is neither. */
export function documentKind(languageId: string, path: string): ScannableKind | null {
  return LANGUAGE_KINDS[languageId] ?? kindOfDiscoveredFile(basename(path));
}

export interface DocumentScanOptions {
  /** Compose puts the process environment above `.env`. */
  environment?: Record<string, string | undefined>;
  dotenv?: { file: string; values: Map<string, DotenvValue> };
}

export interface DocumentScan {
  refs: ImageRef[];
  errors: ScanError[];
}

/** Scans the text of an editor buffer (which may be unsaved), as the workspace scan reads a file. */
export function scanDocument(
  text: string,
  kind: ScannableKind,
  path: string,
  options: DocumentScanOptions = {},
): DocumentScan {
  const result =
    kind === 'dockerfile'
      ? scanDockerfile(text)
      : scanCompose(text, {
          environment: options.environment ?? {},
          ...(options.dotenv ? { dotenv: options.dotenv } : {}),
        });
  return { refs: result.images.map((found) => normalizeFoundImage(found, path)), errors: result.errors };
}
