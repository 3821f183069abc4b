import * as vscode from 'vscode';
import { resolutionKey } from '../core/features/resolution-key';
import { createCodeActionProvider, CODE_ACTION_KINDS, OPEN_EVIDENCE_COMMAND } from './code-action-provider';
import { DiagnosticsController } from './diagnostics-controller';
import { DocumentScans } from './document-scans';
import { DOCUMENT_SELECTOR } from './document-selector';
import { EVIDENCE_SCHEME, EvidenceDocuments, openEvidenceCommand } from './evidence-documents';
import { createHoverProvider } from './hover-provider';
import { toCoreLog } from './output-log';
import { pinFileCommand, pinWorkspaceCommand } from './pin-commands';
import { registryCacheDir } from './registry-service';
import { SecretCredentials } from './secret-credentials';
import { Services } from './services';
import { signInCommand, signOutCommand } from './sign-in-commands';
import { SHOW_FINDINGS_COMMAND, StatusBar } from './status-bar';

/** The composition root: wires the core to VS Code. Nothing here waits on the network. */
export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  const channel = vscode.window.createOutputChannel('Image Trust', { log: true });
  const secrets = new SecretCredentials(context.secrets, context.globalState);
  const cacheDir = registryCacheDir(context.globalStorageUri.fsPath);
  const services = new Services({
    log: toCoreLog(channel),
    cacheDir,
    credentials: secrets.source,
    // Bound late: the watcher reports only after activation, when `rebuild` exists.
    policyChanged: () => rebuild(),
  });
  const scans = new DocumentScans();
  const diagnostics = new DiagnosticsController(scans, services);
  const evidence = new EvidenceDocuments(services);
  const statusBar = new StatusBar(scans, services);
  const refreshOpen = () => vscode.workspace.textDocuments.forEach((document) => void diagnostics.refresh(document));

  const verify = async () => {
    const document = vscode.window.activeTextEditor?.document;
    const scan = document ? await scans.get(document) : undefined;
    const keys = (scan?.refs ?? []).flatMap((ref) => resolutionKey(ref) ?? []);
    const { store, dct, cosign, askAgain } = services.current();
    // "Verify" means asking the registries and the signature sources again, past every cache.
    askAgain();
    store.forget(keys);
    dct.clear();
    cosign.clear();
    if (document) await diagnostics.refresh(document);
  };
  const clearCache = async () => {
    await services.clearCache();
    refreshOpen();
    channel.info('cache cleared');
  };
  const rebuild = () => {
    services.rebuild();
    refreshOpen();
  };

  context.subscriptions.push(
    channel,
    services,
    diagnostics,
    evidence,
    statusBar,
    services.onChange(() => {
      diagnostics.repaintSoon();
      evidence.refresh();
    }),
    // The summary follows what the diagnostics show: after edits, resolutions and verifications alike.
    vscode.languages.onDidChangeDiagnostics(() => void statusBar.update()),
    vscode.languages.registerHoverProvider(DOCUMENT_SELECTOR, createHoverProvider(scans, services)),
    vscode.languages.registerCodeActionsProvider(DOCUMENT_SELECTOR, createCodeActionProvider(scans, services), {
      providedCodeActionKinds: CODE_ACTION_KINDS,
    }),
    vscode.workspace.registerTextDocumentContentProvider(EVIDENCE_SCHEME, evidence),
    vscode.window.onDidChangeActiveTextEditor(() => void statusBar.update()),
    vscode.workspace.onDidOpenTextDocument((document) => void diagnostics.refresh(document)),
    vscode.workspace.onDidChangeTextDocument((event) => diagnostics.schedule(event.document)),
    vscode.workspace.onDidSaveTextDocument((document) => void diagnostics.refresh(document)),
    vscode.workspace.onDidCloseTextDocument((document) => diagnostics.close(document)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('imageTrust')) rebuild();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(rebuild),
    vscode.commands.registerCommand('imageTrust.pinFile', pinFileCommand(scans, services)),
    vscode.commands.registerCommand('imageTrust.pinWorkspace', pinWorkspaceCommand(scans, services)),
    vscode.commands.registerCommand('imageTrust.verify', verify),
    vscode.commands.registerCommand('imageTrust.clearCache', clearCache),
    vscode.commands.registerCommand('imageTrust.signIn', signInCommand(secrets, rebuild)),
    vscode.commands.registerCommand('imageTrust.signOut', signOutCommand(secrets, rebuild)),
    vscode.commands.registerCommand(OPEN_EVIDENCE_COMMAND, openEvidenceCommand()),
    vscode.commands.registerCommand(SHOW_FINDINGS_COMMAND, () => statusBar.showFindings()),
    // The IPFS fetch (CAR reader, UnixFS, multiformats) loads on first use, not at activation.
    vscode.commands.registerCommand('imageTrust.fetchOverIpfs', async () => {
      const { fetchOverIpfsCommand } = await import('./ipfs-fetch-command');
      return fetchOverIpfsCommand(scans, secrets.source)();
    }),
  );
  // The open documents are scanned after activation returns: start-up waits for nothing but the wiring.
  const firstPass = setTimeout(() => {
    refreshOpen();
    void statusBar.update();
  }, 0);
  context.subscriptions.push({ dispose: () => clearTimeout(firstPass) });
  const mode = vscode.workspace.isTrusted ? 'trusted' : 'Restricted Mode: no credential helpers';
  channel.info(`activated in ${(performance.now() - started).toFixed(1)} ms (${mode})`);
}

export function deactivate(): void {}
