import * as vscode from 'vscode';
import { planPinEdits, type PinEdits } from '../core/features/pin-edits';
import { fetchPinTargets } from '../core/features/pin-targets';
import type { Reference } from '../core/reference';
import type { ImageRef } from '../core/scan/image-ref';
import type { DocumentScans } from './document-scans';
import { SCANNABLE_GLOB } from './document-selector';
import { abortOn } from './abort-on';
import type { Services } from './services';
import { toWorkspaceEdit } from './to-vscode';

function referencesOf(refs: readonly ImageRef[]): Reference[] {
  return refs.flatMap((ref) => (ref.reference && ref.reference.digest === undefined ? [ref.reference] : []));
}

function summary(plan: PinEdits, files: number): string {
  const parts = [
    `pinned ${plan.edits.length} image reference${plan.edits.length === 1 ? '' : 's'} in ${files} file(s)`,
  ];
  if (plan.unresolved.length > 0) parts.push(`${plan.unresolved.length} could not be resolved (see Problems)`);
  if (plan.refused.length > 0) parts.push(`${plan.refused.length} not pinnable: ${plan.refused[0]?.reason ?? ''}`);
  const failure = plan.failures[0]?.error;
  if (failure) parts.push(`${plan.failures.length} failed: ${failure.message} (${failure.code})`);
  return `Image Trust: ${parts.join('; ')}`;
}

/** Resolves, plans and applies the pins of these documents as one WorkspaceEdit, then saves what it changed. */
async function pinDocuments(
  documents: readonly vscode.TextDocument[],
  scans: DocumentScans,
  services: Services,
  progress: vscode.Progress<{ message?: string }>,
  token: vscode.CancellationToken,
): Promise<void> {
  const { signal, dispose } = abortOn(token);
  const plan: PinEdits = { edits: [], refused: [], unresolved: [], failures: [] };
  const { store, client } = services.current();
  for (const document of documents) {
    const scan = await scans.get(document);
    if (!scan || token.isCancellationRequested) continue;
    progress.report({ message: vscode.workspace.asRelativePath(document.uri) });
    await store.ensure(referencesOf(scan.refs), signal);
    const targets = await fetchPinTargets(scan.refs, store.lookup, client, signal);
    const one = planPinEdits(scan.refs, scan.refs, targets, false);
    plan.edits.push(...one.edits);
    plan.refused.push(...one.refused);
    plan.unresolved.push(...one.unresolved);
    plan.failures.push(...one.failures);
  }
  dispose();
  if (token.isCancellationRequested) return;
  const edit = toWorkspaceEdit(plan.edits);
  if (plan.edits.length > 0 && (await vscode.workspace.applyEdit(edit))) {
    for (const [uri] of edit.entries()) await (await vscode.workspace.openTextDocument(uri)).save();
  }
  const files = new Set(plan.edits.map((one) => one.file)).size;
  void vscode.window.showInformationMessage(summary(plan, files));
}

export function pinFileCommand(scans: DocumentScans, services: Services) {
  return async () => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !scans.isScannable(document)) {
      void vscode.window.showWarningMessage('Image Trust: open a Dockerfile or a compose file first.');
      return;
    }
    const options = {
      location: vscode.ProgressLocation.Notification,
      title: 'Pinning image references',
      cancellable: true,
    };
    await vscode.window.withProgress(options, (progress, token) =>
      pinDocuments([document], scans, services, progress, token),
    );
  };
}

export function pinWorkspaceCommand(scans: DocumentScans, services: Services) {
  return async () => {
    const options = {
      location: vscode.ProgressLocation.Notification,
      title: 'Pinning image references in the workspace',
      cancellable: true,
    };
    await vscode.window.withProgress(options, async (progress, token) => {
      const uris = await vscode.workspace.findFiles(SCANNABLE_GLOB, '**/node_modules/**', undefined, token);
      const documents = await Promise.all(uris.map((uri) => vscode.workspace.openTextDocument(uri)));
      await pinDocuments(documents, scans, services, progress, token);
    });
  };
}
