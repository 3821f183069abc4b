import * as vscode from 'vscode';
import { computeEvidence } from '../core/features/compute-evidence';
import type { PinnedReference } from '../core/features/used-resolution';
import { parseNormalizedNamed } from '../core/reference';
import type { ServiceSource } from './services';

export const EVIDENCE_SCHEME = 'image-trust-evidence';

/**
 * The evidence document of a reference: its tag (a resolution key such as `docker.io/library/alpine:3.19`) in the
 * path, the digest written beside it, if any, in the query.
 */
export function evidenceUri(key: string, pin: string | undefined): vscode.Uri {
  return vscode.Uri.from({ scheme: EVIDENCE_SCHEME, path: `/${key}.md`, query: pin ?? '' });
}

function subjectOf(uri: vscode.Uri): { key: string; pin: PinnedReference | undefined } {
  const key = uri.path.slice(1, -'.md'.length);
  const named = parseNormalizedNamed(key);
  if (uri.query === '' || !named.ok) return { key, pin: undefined };
  return { key, pin: { domain: named.value.domain, path: named.value.path, digest: uri.query } };
}

/**
 * Read-only evidence documents (`image-trust-evidence:`), rendered from what the stores know now; open ones are
 * re-rendered as resolutions and verifications arrive.
 */
export class EvidenceDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changes.event;

  constructor(private readonly services: ServiceSource) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    const { key, pin } = subjectOf(uri);
    return computeEvidence(key, pin, this.services.current().lookups);
  }

  /** Called when the stores change. */
  refresh(): void {
    for (const document of vscode.workspace.textDocuments)
      if (document.uri.scheme === EVIDENCE_SCHEME) this.changes.fire(document.uri);
  }

  dispose(): void {
    this.changes.dispose();
  }
}

/** "Open the evidence": the document beside the editor, with the verification it names started if needed. */
export function openEvidenceCommand() {
  return async (key: unknown, pin: unknown) => {
    if (typeof key !== 'string') return;
    const document = await vscode.workspace.openTextDocument(
      evidenceUri(key, typeof pin === 'string' ? pin : undefined),
    );
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  };
}
