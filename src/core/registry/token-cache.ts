interface CachedToken {
  token: string;
  expiresAt: number;
}

/** Bearer tokens per registry + scope + credential, reused until they expire by the injected clock's time. */
export class TokenCache {
  private readonly tokens = new Map<string, CachedToken>();

  constructor(private readonly renewBeforeMs: number) {}

  get(key: string, now: number): string | undefined {
    const cached = this.tokens.get(key);
    if (cached === undefined) return undefined;
    if (now >= cached.expiresAt - this.renewBeforeMs) {
      this.tokens.delete(key);
      return undefined;
    }
    return cached.token;
  }

  put(key: string, token: string, obtainedAt: number, lifetimeMs: number): void {
    this.tokens.set(key, { token, expiresAt: obtainedAt + lifetimeMs });
  }

  delete(key: string): void {
    this.tokens.delete(key);
  }
}
