import { CoreError } from '../errors';
import { referenceString, type Reference } from '../reference';
import type { Resolution } from '../registry/client-types';
import { digestKey } from './resolution-key';
import type { ResolutionLookup, ResolutionState } from './resolution-state';
import { SharedFlights } from './shared-flights';

export interface ResolutionStoreOptions {
  resolve(reference: Reference, signal: AbortSignal): Promise<Resolution>;
  now(): number;
  /** How long an answer is shown before it is asked again. */
  ttlMs: number;
  /** Failures (mostly network ones) are asked again sooner. */
  failureTtlMs: number;
  offline: boolean;
}

/**
 * The editor's memory of tag resolutions. Each distinct tag is asked once at a time; a request is aborted when
 * every caller that wanted it has been cancelled (an edit supersedes the last one), so cancelled work really stops.
 */
export class ResolutionStore {
  private readonly states = new Map<string, ResolutionState>();
  private readonly listeners = new Set<() => void>();
  private readonly inFlight = new SharedFlights<Resolution>({
    started: () => this.emit(),
    settled: (key, outcome) => {
      if (outcome.kind === 'value')
        this.states.set(key, { kind: 'resolved', resolution: outcome.value, at: this.options.now() });
      if (outcome.kind === 'error') this.states.set(key, failed(outcome.error, this.options.now()));
      this.emit();
    },
  });

  constructor(private readonly options: ResolutionStoreOptions) {}

  readonly lookup: ResolutionLookup = (key) => {
    if (this.inFlight.has(key)) return this.states.get(key) ?? { kind: 'pending' };
    if (this.options.offline && !this.states.has(key)) return { kind: 'offline' };
    return this.states.get(key);
  };

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves the references not known or expired; resolves when they are settled or `signal` aborts. */
  async ensure(references: readonly Reference[], signal: AbortSignal): Promise<void> {
    // The tag is what is asked (a digest written beside it is compared later); a digest alone needs no asking.
    const tagged = references.filter((reference) => reference.tag !== undefined);
    const waits = tagged.map((reference) => {
      const tag = { ...reference, digest: undefined };
      return this.want(referenceString(tag), tag, signal);
    });
    await Promise.all(waits);
  }

  /** Resolves written digests by digest alone (their bytes are verified), under their digestKey. */
  async ensurePins(
    pins: readonly { domain: string; path: string; digest: string }[],
    signal: AbortSignal,
  ): Promise<void> {
    await Promise.all(pins.map((pin) => this.want(digestKey(pin), pin, signal)));
  }

  /** Drops what is known of these keys, so the next `ensure` asks again ("Verify image trust"). */
  forget(keys: readonly string[]): void {
    for (const key of keys) this.states.delete(key);
    this.emit();
  }

  clear(): void {
    this.inFlight.abortAll();
    this.states.clear();
    this.emit();
  }

  private fresh(key: string): boolean {
    const state = this.states.get(key);
    if (state === undefined || state.kind === 'pending') return false;
    if (state.kind === 'offline' || this.options.offline) return true;
    const ttl = state.kind === 'resolved' ? this.options.ttlMs : this.options.failureTtlMs;
    return this.options.now() - state.at < ttl;
  }

  private async want(key: string, reference: Reference, signal: AbortSignal): Promise<void> {
    if (this.options.offline || this.fresh(key) || signal.aborted) return;
    await this.inFlight.join(key, (abort) => this.options.resolve(reference, abort), signal);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

function failed(error: unknown, at: number): ResolutionState {
  if (error instanceof CoreError) return { kind: 'failed', code: error.code, message: error.message, at };
  return { kind: 'failed', code: 'RESOLVE_FAILED', message: String(error), at };
}
