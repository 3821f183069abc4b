import { rm } from 'node:fs/promises';
import * as vscode from 'vscode';
import { createRegistryService, type RegistryService, type ServiceEnvironment } from './registry-service';
import { readSettings } from './settings';

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
  }

  private build(): RegistryService {
    const settings = readSettings();
    for (const error of settings.cosign.errors) {
      this.environment.log({ level: 'warn', message: `${error.message} (${error.code})` });
      void vscode.window.showWarningMessage(`Image Trust: ${error.message} (${error.code})`);
    }
    return createRegistryService(settings, this.environment);
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
