import type { Resolution } from '../registry/client-types';
import { gunOf, type DctResult } from '../trust/notary';
import { SharedFlights } from './shared-flights';

/** What the editor knows of one digest's DCT verification. */
export type DctState = { kind: 'pending' } | { kind: 'verified'; result: DctResult };

export type DctLookup = (resolution: Resolution) => DctState | undefined;

export interface DctStoreOptions {
  verify(resolution: Resolution, signal: AbortSignal): Promise<DctResult>;
  /** Only registries someone asked DCT for are verified: elsewhere it would be noise and wasted requests. */
  enabled(registry: string): boolean;
}

/** A digest's trust is asked once per repository: the key names both (the same digest may be signed in one only). */
const keyOf = (resolution: Resolution) => `${gunOf(resolution)}@${resolution.digest}`;

/**
 * The resolution store's sibling for Docker Content Trust, cached per digest (a digest's signature does not move
 * when a tag does; a new digest is a new key). Work nobody waits for any more is aborted.
 */
export class DctStore {
  private readonly results = new Map<string, DctResult>();
  private readonly listeners = new Set<() => void>();
  // verifyDct reports every trust failure as evidence; it throws only on cancellation, which caches nothing.
  private readonly inFlight = new SharedFlights<DctResult>({
    started: () => this.emit(),
    settled: (key, outcome) => {
      if (outcome.kind === 'value') this.results.set(key, outcome.value);
      this.emit();
    },
  });

  constructor(private readonly options: DctStoreOptions) {}

  readonly lookup: DctLookup = (resolution) => {
    const key = keyOf(resolution);
    const result = this.results.get(key);
    if (result) return { kind: 'verified', result };
    return this.inFlight.has(key) ? { kind: 'pending' } : undefined;
  };

  /** True when there is nothing more to learn about this digest's trust (verified, or not asked for). */
  settled(resolution: Resolution): boolean {
    return !this.options.enabled(resolution.reference.domain) || this.results.has(keyOf(resolution));
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async ensure(resolutions: readonly Resolution[], signal: AbortSignal): Promise<void> {
    const wanted = resolutions.filter((r) => this.options.enabled(r.reference.domain));
    await Promise.all(wanted.map((resolution) => this.want(resolution, signal)));
  }

  clear(): void {
    this.inFlight.abortAll();
    this.results.clear();
    this.emit();
  }

  private async want(resolution: Resolution, signal: AbortSignal): Promise<void> {
    const key = keyOf(resolution);
    if (this.results.has(key) || signal.aborted) return;
    await this.inFlight.join(key, (abort) => this.options.verify(resolution, abort), signal);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
