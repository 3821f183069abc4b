import * as vscode from 'vscode';
import { computeCodeActions } from '../core/features/compute-code-actions';
import type { DocumentScans } from './document-scans';
import type { ServiceSource } from './services';
import { fromRange, toWorkspaceEdit } from './to-vscode';

export const CODE_ACTION_KINDS = [vscode.CodeActionKind.QuickFix];

/** Quick fixes from computeCodeActions: pin this reference, update an outdated pin, pin all in the file. */
export function createCodeActionProvider(scans: DocumentScans, services: ServiceSource): vscode.CodeActionProvider {
  return {
    async provideCodeActions(document, range, context) {
      const scan = await scans.get(document);
      if (!scan) return [];
      const actions = computeCodeActions(scan.refs, fromRange(range), services.current().store.lookup);
      return actions.map((data) => {
        const action = new vscode.CodeAction(data.title, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(data.edits);
        action.isPreferred = data.isPreferred;
        action.diagnostics = context.diagnostics.filter(
          (diagnostic) => diagnostic.source === 'Image Trust' && data.fixes.includes(String(diagnostic.code)),
        );
        return action;
      });
    },
  };
}
