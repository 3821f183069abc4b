import * as vscode from 'vscode';
import { resolutionKey } from '../core/features/resolution-key';
import { createCodeActionProvider, CODE_ACTION_KINDS } from './code-action-provider';
import { DiagnosticsController } from './diagnostics-controller';
import { DocumentScans } from './document-scans';
import { DOCUMENT_SELECTOR } from './document-selector';
import { createHoverProvider } from './hover-provider';
import { toCoreLog } from './output-log';
import { pinFileCommand, pinWorkspaceCommand } from './pin-commands';
import { Services } from './services';

/** The composition root: wires the core to VS Code. Nothing here waits on the network. */
export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  const channel = vscode.window.createOutputChannel('Image Trust', { log: true });
  const services = new Services(toCoreLog(channel));
  const scans = new DocumentScans();
  const diagnostics = new DiagnosticsController(scans, services);
  const refreshOpen = () => vscode.workspace.textDocuments.forEach((document) => void diagnostics.refresh(document));

  const verify = async () => {
    const document = vscode.window.activeTextEditor?.document;
    const scan = document ? await scans.get(document) : undefined;
    const keys = (scan?.refs ?? []).flatMap((ref) => resolutionKey(ref) ?? []);
    const { store, dct } = services.current();
    store.forget(keys);
    // Trust is cached per digest; "Verify" means asking the notary server again too.
    dct.clear();
    if (document) await diagnostics.refresh(document);
  };
  const clearCache = () => {
    services.rebuild();
    refreshOpen();
    channel.info('cache cleared');
  };

  context.subscriptions.push(
    channel,
    services,
    diagnostics,
    services.onChange(() => diagnostics.repaintSoon()),
    vscode.languages.registerHoverProvider(DOCUMENT_SELECTOR, createHoverProvider(scans, services)),
    vscode.languages.registerCodeActionsProvider(DOCUMENT_SELECTOR, createCodeActionProvider(scans, services), {
      providedCodeActionKinds: CODE_ACTION_KINDS,
    }),
    vscode.workspace.onDidOpenTextDocument((document) => void diagnostics.refresh(document)),
    vscode.workspace.onDidChangeTextDocument((event) => diagnostics.schedule(event.document)),
    vscode.workspace.onDidSaveTextDocument((document) => void diagnostics.refresh(document)),
    vscode.workspace.onDidCloseTextDocument((document) => diagnostics.close(document)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('imageTrust')) clearCache();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(clearCache),
    vscode.commands.registerCommand('imageTrust.pinFile', pinFileCommand(scans, services)),
    vscode.commands.registerCommand('imageTrust.pinWorkspace', pinWorkspaceCommand(scans, services)),
    vscode.commands.registerCommand('imageTrust.verify', verify),
    vscode.commands.registerCommand('imageTrust.clearCache', clearCache),
  );
  refreshOpen();
  const mode = vscode.workspace.isTrusted ? 'trusted' : 'Restricted Mode: no credential helpers';
  channel.info(`activated in ${(performance.now() - started).toFixed(1)} ms (${mode})`);
}

export function deactivate(): void {}
