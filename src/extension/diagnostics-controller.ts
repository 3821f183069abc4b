import * as vscode from 'vscode';
import { computeDiagnostics } from '../core/features/compute-diagnostics';
import { ensureEvidence } from '../core/features/reference-evidence';
import type { DocumentScans } from './document-scans';
import { fileFindings } from './file-findings';
import type { Services } from './services';
import { toDiagnostic } from './to-vscode';

/** Typing is not interrupted by scans and requests: a burst of edits is diagnosed once, this long after. */
const EDIT_DEBOUNCE_MS = 300;
/** Resolutions arriving together repaint once. */
const REPAINT_DELAY_MS = 50;

/**
 * Diagnostics for open Dockerfiles and compose files: painted at once from what is known, then again as tags
 * resolve. Each document has one refresh at a time; a newer one (an edit, a save) cancels the older one's
 * requests, which the resolution store aborts when nobody else wants them.
 */
export class DiagnosticsController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('image-trust');
  private readonly running = new Map<string, AbortController>();
  private readonly debounces = new Map<string, NodeJS.Timeout>();
  private repaint: NodeJS.Timeout | undefined;

  constructor(
    private readonly scans: DocumentScans,
    private readonly services: Services,
  ) {}

  /** Called on edits: waits for the typing to pause. */
  schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.debounces.get(key));
    this.debounces.set(
      key,
      setTimeout(() => void this.refresh(document), EDIT_DEBOUNCE_MS),
    );
  }

  async refresh(document: vscode.TextDocument): Promise<void> {
    const scanning = this.scans.get(document);
    if (!scanning) return;
    const key = document.uri.toString();
    clearTimeout(this.debounces.get(key));
    this.running.get(key)?.abort();
    const controller = new AbortController();
    this.running.set(key, controller);
    const scan = await scanning;
    if (controller.signal.aborted) return;
    this.paint(document);
    // Tags, pins, then the signatures of the digests used; each answer repaints through the stores' change events.
    await ensureEvidence(scan.refs, this.services.current(), controller.signal);
    if (this.running.get(key) === controller) this.running.delete(key);
  }

  /** Repaints every open document from what is known now (after resolutions arrive, or settings change). */
  repaintSoon(): void {
    if (this.repaint) return;
    this.repaint = setTimeout(() => {
      this.repaint = undefined;
      for (const document of vscode.workspace.textDocuments)
        if (this.collection.has(document.uri)) this.paint(document);
    }, REPAINT_DELAY_MS);
  }

  close(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.running.get(key)?.abort();
    this.running.delete(key);
    clearTimeout(this.debounces.get(key));
    this.collection.delete(document.uri);
    this.scans.forget(document);
  }

  dispose(): void {
    for (const controller of this.running.values()) controller.abort();
    for (const timer of this.debounces.values()) clearTimeout(timer);
    clearTimeout(this.repaint);
    this.collection.dispose();
  }

  private paint(document: vscode.TextDocument): void {
    void this.scans.get(document)?.then((scan) => {
      const data = computeDiagnostics(fileFindings(scan, this.services.current()));
      this.collection.set(document.uri, data.map(toDiagnostic));
    });
  }
}
