import * as vscode from 'vscode';
import { computeCodeActions } from '../core/features/compute-code-actions';
import { computeEvidenceActions } from '../core/features/evidence-actions';
import { fetchPinTargets } from '../core/features/pin-targets';
import { abortOn } from './abort-on';
import type { DocumentScans } from './document-scans';
import { fileFindings } from './file-findings';
import type { ServiceSource } from './services';
import { fromRange, toWorkspaceEdit } from './to-vscode';

export const OPEN_EVIDENCE_COMMAND = 'imageTrust.openEvidence';

export const CODE_ACTION_KINDS = [vscode.CodeActionKind.QuickFix];

/**
 * Quick fixes from computeCodeActions (pin this reference, update an outdated pin, pin all in the file) and
 * "Open the evidence" for each tag on the line.
 */
export function createCodeActionProvider(scans: DocumentScans, services: ServiceSource): vscode.CodeActionProvider {
  return {
    async provideCodeActions(document, range, context, token) {
      const scan = await scans.get(document);
      if (!scan) return [];
      const service = services.current();
      const { store, client } = service;
      const { signal, dispose } = abortOn(token);
      const targets = await fetchPinTargets(scan.refs, store.lookup, client, signal).finally(dispose);
      if (token.isCancellationRequested) return [];
      const actions = computeCodeActions(scan.refs, fromRange(range), targets, fileFindings(scan, service));
      const pins = actions.map((data) => {
        const action = new vscode.CodeAction(data.title, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(data.edits);
        action.isPreferred = data.isPreferred;
        action.diagnostics = context.diagnostics.filter(
          (diagnostic) => diagnostic.source === 'Image Trust' && data.fixes.includes(String(diagnostic.code)),
        );
        return action;
      });
      const evidence = computeEvidenceActions(scan.refs, fromRange(range)).map((data) => {
        const action = new vscode.CodeAction(data.title, vscode.CodeActionKind.QuickFix);
        action.command = { command: OPEN_EVIDENCE_COMMAND, title: data.title, arguments: [data.key, data.pin] };
        return action;
      });
      return [...pins, ...evidence];
    },
  };
}
