import type * as vscode from 'vscode';
import type { Log } from '../core/registry/ports';
import { createRegistryService, type RegistryService } from './registry-service';
import { readSettings } from './settings';

/** What the providers need: the registry service in force now (it is swapped on settings changes). */
export interface ServiceSource {
  current(): RegistryService;
}

/**
 * Holds the current registry service and swaps it when settings or workspace trust change or the cache is
 * cleared; listeners (the diagnostics) re-render from the new one.
 */
export class Services implements vscode.Disposable, ServiceSource {
  private service: RegistryService;
  private readonly listeners = new Set<() => void>();
  private unsubscribe: () => void;

  constructor(private readonly log: Log) {
    this.service = createRegistryService(readSettings(), log);
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
    this.service = createRegistryService(readSettings(), this.log);
    this.unsubscribe = this.subscribe();
    this.emit();
  }

  dispose(): void {
    this.unsubscribe();
    this.service.dispose();
  }

  private subscribe(): () => void {
    const resolutions = this.service.store.onChange(() => this.emit());
    const trust = this.service.dct.onChange(() => this.emit());
    return () => {
      resolutions();
      trust();
    };
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
