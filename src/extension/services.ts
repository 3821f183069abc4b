import { rm } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import { createRegistryService, type RegistryService, type ServiceEnvironment } from './registry-service';
import { toPolicyDiagnostic } from './policy-diagnostic';
import { readSettings, type ExtensionSettings } from './settings';

/** What the providers need: the registry service in force now (it is swapped on settings changes). */
export interface ServiceSource {
  current(): RegistryService;
}

/**
 * Holds the current registry service and swaps it when settings or workspace trust change or the cache is
 * cleared; listeners (the diagnostics, the status bar) re-render from the new one.
 */
export class Services implements vscode.Disposable, ServiceSource {
  private service: RegistryService;
  private readonly listeners = new Set<() => void>();
  private unsubscribe: () => void;
  /** A policy file that cannot be applied gets its error where it is, like any other file. */
  private readonly policyProblems = vscode.languages.createDiagnosticCollection('image-trust-policy');
  private policyWatcher: vscode.Disposable | undefined;

  constructor(private readonly environment: ServiceEnvironment) {
    this.service = this.build();
    this.unsubscribe = this.subscribe();
  }

  current(): RegistryService {
    return this.service;
  }

  onChange(listener: () => void): vscode.Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  rebuild(): void {
    this.unsubscribe();
    this.service.dispose();
    this.service = this.build();
    this.unsubscribe = this.subscribe();
    this.emit();
  }

  /** "Clear cache": forgets what is in memory and deletes the registry cache on disk, then starts afresh. */
  async clearCache(): Promise<void> {
    this.unsubscribe();
    this.service.dispose();
    await rm(this.environment.cacheDir, { recursive: true, force: true });
    this.service = this.build();
    this.unsubscribe = this.subscribe();
    this.emit();
  }

  dispose(): void {
    this.unsubscribe();
    this.service.dispose();
    this.policyProblems.dispose();
    this.policyWatcher?.dispose();
  }

  private build(): RegistryService {
    const settings = readSettings();
    this.report(settings);
    this.watchPolicy(settings.policy.watched);
    return createRegistryService(settings, this.environment);
  }

  /** Creating, editing or deleting the policy file applies at once, as a settings change does. */
  private watchPolicy(file: string | undefined): void {
    this.policyWatcher?.dispose();
    this.policyWatcher = undefined;
    const changed = this.environment.policyChanged;
    if (file === undefined || changed === undefined) return;
    const pattern = new vscode.RelativePattern(vscode.Uri.file(dirname(file)), basename(file));
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const subscriptions = [watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete(changed)];
    this.policyWatcher = vscode.Disposable.from(watcher, ...subscriptions);
  }

  /** Settings that cannot be applied are said once per change, in the log and in a notification. */
  private report(settings: ExtensionSettings): void {
    const { file, error } = settings.policy;
    this.policyProblems.clear();
    if (file && error) this.policyProblems.set(vscode.Uri.file(file), [toPolicyDiagnostic(error)]);
    const problems = [...settings.cosign.errors, ...(error ? [error] : [])];
    for (const problem of problems) {
      this.environment.log({ level: 'warn', message: `${problem.message} (${problem.code})` });
      void vscode.window.showWarningMessage(`Image Trust: ${problem.message} (${problem.code})`);
    }
    const { keys, identities } = settings.cosign.inputs;
    const policy = file && !error ? file : 'the defaults';
    const trust = `${keys.length} cosign key(s), ${identities.length} identity(ies) from the settings`;
    this.environment.log({ level: 'info', message: `policy: ${policy}; ${trust}` });
  }

  private subscribe(): () => void {
    const stores = [this.service.store, this.service.dct, this.service.cosign];
    const unsubscribes = stores.map((store) => store.onChange(() => this.emit()));
    return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
