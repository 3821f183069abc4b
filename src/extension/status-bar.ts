import * as vscode from 'vscode';
import { computeFileSummary } from '../core/features/compute-file-summary';
import type { DocumentScans } from './document-scans';
import { fileFindings } from './file-findings';
import type { ServiceSource } from './services';
import { toRange } from './to-vscode';

export const SHOW_FINDINGS_COMMAND = 'imageTrust.showFindings';

/**
 * A status bar item summarising the active Dockerfile or compose file ("$(shield) 3 refs · 1 unpinned"); hidden
 * for other editors. A click lists the file's findings in a quick pick.
 */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('imageTrust.summary', vscode.StatusBarAlignment.Left, 10);

  constructor(
    private readonly scans: DocumentScans,
    private readonly services: ServiceSource,
  ) {
    this.item.name = 'Image Trust';
    this.item.command = SHOW_FINDINGS_COMMAND;
  }

  async update(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    const scan = document ? await this.scans.get(document) : undefined;
    if (!scan || document !== vscode.window.activeTextEditor?.document) {
      if (!scan) this.item.hide();
      return;
    }
    const summary = computeFileSummary(scan.refs, fileFindings(scan, this.services.current()));
    this.item.text = `$(shield) ${summary.text}`;
    this.item.tooltip = 'Image Trust: the image references of this file — click to list the findings';
    this.item.show();
  }

  /** The quick pick of the active file's findings; the chosen one is revealed and selected. */
  async showFindings(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const scan = editor ? await this.scans.get(editor.document) : undefined;
    if (!editor || !scan) return;
    const findings = fileFindings(scan, this.services.current());
    const items = findings.map((finding) => ({
      label: finding.code,
      description: `line ${finding.range.line}`,
      detail: finding.message,
      finding,
    }));
    const picked = await vscode.window.showQuickPick(items, {
      title: 'Image Trust: findings in this file',
      placeHolder: findings.length === 0 ? 'No findings' : 'Go to a finding',
      matchOnDetail: true,
    });
    if (!picked) return;
    const range = toRange(picked.finding.range);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    this.item.dispose();
  }
}
