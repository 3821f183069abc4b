import type * as vscode from 'vscode';
import { Uri } from './vscode-values';

/** An open document as the providers read it: its URI, language, version and text. */
export function fakeDocument(path: string, languageId: string, text: string, version = 1): vscode.TextDocument {
  const document = { uri: Uri.file(path), languageId, version, getText: () => text };
  return document as unknown as vscode.TextDocument; // only the members the adapters read
}

export const neverCancelled = {
  isCancellationRequested: false,
  onCancellationRequested: () => ({ dispose: () => undefined }),
} as unknown as vscode.CancellationToken; // a token nobody cancels
