import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type * as vscode from 'vscode';
import { documentKind, scanDocument, type DocumentScan } from '../core/features/scan-document';
import { parseIgnoreComments, type IgnoreComment } from '../core/policy';
import { parseDotenv } from '../core/scan/compose';

/** A compose `.env` larger than this is not read (the CLI scan caps files alike). */
const MAX_DOTENV_BYTES = 1024 * 1024;

async function loadDotenv(composePath: string) {
  const file = join(dirname(composePath), '.env');
  const bytes = await readFile(file).catch(() => undefined);
  if (bytes === undefined || bytes.length > MAX_DOTENV_BYTES) return undefined;
  return { file, values: parseDotenv(bytes.toString('utf8'), (name) => process.env[name]).values };
}

/** A document's references, and its `# image-trust: ignore` comments for the policy. */
export interface FileScan extends DocumentScan {
  ignoreComments: IgnoreComment[];
}

/** The scan of each open document, kept per version so hovers and code actions do not scan again. */
export class DocumentScans {
  private readonly scans = new Map<string, { version: number; scan: Promise<FileScan> }>();

  isScannable(document: vscode.TextDocument): boolean {
    return document.uri.scheme === 'file' && documentKind(document.languageId, document.uri.fsPath) !== null;
  }

  get(document: vscode.TextDocument): Promise<FileScan> | undefined {
    if (!this.isScannable(document)) return undefined;
    const key = document.uri.toString();
    const known = this.scans.get(key);
    if (known?.version === document.version) return known.scan;
    const scan = this.scan(document);
    this.scans.set(key, { version: document.version, scan });
    return scan;
  }

  forget(document: vscode.TextDocument): void {
    this.scans.delete(document.uri.toString());
  }

  private async scan(document: vscode.TextDocument): Promise<FileScan> {
    const path = document.uri.fsPath;
    const kind = documentKind(document.languageId, path) ?? 'dockerfile';
    const text = document.getText();
    const dotenv = kind === 'compose' ? await loadDotenv(path) : undefined;
    const scan = scanDocument(text, kind, path, { environment: process.env, ...(dotenv ? { dotenv } : {}) });
    return { ...scan, ignoreComments: parseIgnoreComments(text) };
  }
}
