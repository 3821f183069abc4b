import type { Resolution } from '../registry/client-types';
import { SharedFlights } from './shared-flights';

/** What the editor knows of one digest's verification: being verified, or its evidence. */
export type EvidenceState<T> = { kind: 'pending' } | { kind: 'verified'; result: T };

export type EvidenceLookup<T> = (resolution: Resolution) => EvidenceState<T> | undefined;

export interface EvidenceStoreOptions<T> {
  verify(resolution: Resolution, signal: AbortSignal): Promise<T>;
  /** Only images someone asked a check for are verified: elsewhere it would be noise and wasted requests. */
  enabled(resolution: Resolution): boolean;
  /** The cache key of a digest's evidence: it names the repository too (a digest may be signed in one only). */
  keyOf(resolution: Resolution): string;
}

/**
 * The resolution store's sibling for signature evidence, cached per digest (a digest's signature does not move
 * when a tag does; a new digest is a new key). Work nobody waits for any more is aborted. `verify` reports every
 * trust failure as evidence; it throws only on cancellation, which caches nothing.
 */
export class EvidenceStore<T> {
  private readonly results = new Map<string, T>();
  private readonly listeners = new Set<() => void>();
  private readonly inFlight = new SharedFlights<T>({
    started: () => this.emit(),
    settled: (key, outcome) => {
      if (outcome.kind === 'value') this.results.set(key, outcome.value);
      this.emit();
    },
  });

  constructor(private readonly options: EvidenceStoreOptions<T>) {}

  readonly lookup: EvidenceLookup<T> = (resolution) => {
    const key = this.options.keyOf(resolution);
    const result = this.results.get(key);
    if (result !== undefined) return { kind: 'verified', result };
    return this.inFlight.has(key) ? { kind: 'pending' } : undefined;
  };

  /** True when there is nothing more to learn about this digest (verified, or not asked for). */
  settled(resolution: Resolution): boolean {
    return !this.options.enabled(resolution) || this.results.has(this.options.keyOf(resolution));
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async ensure(resolutions: readonly Resolution[], signal: AbortSignal): Promise<void> {
    const wanted = resolutions.filter((r) => this.options.enabled(r));
    await Promise.all(wanted.map((resolution) => this.want(resolution, signal)));
  }

  clear(): void {
    this.inFlight.abortAll();
    this.results.clear();
    this.emit();
  }

  private async want(resolution: Resolution, signal: AbortSignal): Promise<void> {
    const key = this.options.keyOf(resolution);
    if (this.results.has(key) || signal.aborted) return;
    await this.inFlight.join(key, (abort) => this.options.verify(resolution, abort), signal);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
