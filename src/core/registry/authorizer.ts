import { parseChallenges, ChallengeStore, type Challenge } from './challenge';
import { basicAuthorization, type Credential, type CredentialSource } from './credential';
import { DEFAULTS } from './defaults';
import type { Clock, Transport, TransportResponse } from './ports';
import { RegistryError } from './registry-error';
import { buildTokenRequest, parseTokenResponse, scopesFor } from './token';
import { TokenCache } from './token-cache';

export interface AuthorizerDeps {
  transport: Transport;
  clock: Clock;
  credentials: CredentialSource;
}

/**
 * Authorization for one registry (containerd's dockerAuthorizer): remembers its challenges, looks the credential
 * up once, and turns a Bearer challenge into a token (cached per scope) or a Basic challenge into a header.
 */
export class Authorizer {
  private readonly challenges = new ChallengeStore();
  private readonly tokens = new TokenCache(DEFAULTS.tokenRenewBeforeMs);
  // Concurrent requests for one scope share one token request instead of each asking the token server. It runs
  // without any one caller's signal, so that caller's abort fails nobody else; the transport's timeouts bound it.
  private readonly pending = new Map<string, Promise<string>>();
  private credential: Promise<Credential | undefined> | undefined;

  constructor(
    private readonly deps: AuthorizerDeps,
    readonly registry: string,
    private readonly maxTokenBytes: number,
  ) {}

  /** Remembers the challenges of a 401 or a ping; `true` when there were any. */
  learn(response: TransportResponse): boolean {
    const challenges = parseChallenges(response.headers['www-authenticate'] ?? []);
    if (challenges.length > 0) this.challenges.set(response.url, challenges);
    return challenges.length > 0;
  }

  /**
   * The Authorization value for a request to `url`; `undefined` when the registry asked for none. `fresh` skips
   * the token cache: the registry has just refused the cached token.
   */
  async header(url: URL, scope: string | undefined, signal?: AbortSignal, fresh = false): Promise<string | undefined> {
    const challenges = this.challenges.get(url) ?? [];
    const bearer = challenges.find((c) => c.scheme === 'bearer');
    if (bearer !== undefined) return `Bearer ${await this.token(bearer, scope, fresh, signal)}`;
    if (!challenges.some((c) => c.scheme === 'basic')) {
      if (challenges.length > 0) throw this.unsupported(challenges);
      return undefined;
    }
    const credential = await this.lookup(signal);
    if (credential?.kind === 'basic') return basicAuthorization(credential.username, credential.password);
    return undefined;
  }

  /** The error for a request the registry still refuses: denied with a credential, required without one. */
  async refused(status: number, signal?: AbortSignal): Promise<RegistryError> {
    const credential = await this.lookup(signal);
    if (credential === undefined && status === 401) {
      const message = `${this.registry} requires authentication: log in (docker login ${this.registry}) and retry.`;
      return new RegistryError('AUTH_REQUIRED', message, { registry: this.registry, status });
    }
    const from = credential === undefined ? 'anonymous access' : `the credential from ${credential.source}`;
    const message = `${this.registry} refused ${from}: check the account's access to this repository.`;
    return new RegistryError('AUTH_DENIED', message, {
      registry: this.registry,
      status,
      ...(credential === undefined ? {} : { credentialSource: credential.source }),
    });
  }

  // Looked up once per registry; a failed lookup (an aborted or broken helper) is tried again next time.
  private lookup(signal?: AbortSignal): Promise<Credential | undefined> {
    this.credential ??= this.deps.credentials(this.registry, signal).catch((error: unknown) => {
      this.credential = undefined;
      throw error;
    });
    return this.credential;
  }

  private async token(challenge: Challenge, scope: string | undefined, fresh: boolean, signal?: AbortSignal) {
    if (challenge.params.realm === undefined) throw this.failed('its Bearer challenge names no realm');
    const credential = await this.lookup(signal);
    const key = tokenKey(challenge, scope, credential);
    const now = this.deps.clock.now();
    const cached = fresh ? undefined : this.tokens.get(key, now);
    if (cached !== undefined) return cached;
    const inFlight = fresh ? undefined : this.pending.get(key);
    if (inFlight !== undefined) return inFlight;
    const request = this.fetchToken(challenge, scope, credential, key);
    this.pending.set(key, request);
    try {
      return await request;
    } finally {
      if (this.pending.get(key) === request) this.pending.delete(key);
    }
  }

  private async fetchToken(
    challenge: Challenge,
    scope: string | undefined,
    credential: Credential | undefined,
    key: string,
  ): Promise<string> {
    const now = this.deps.clock.now();
    const scopes = scopesFor(challenge.params.scope, scope);
    const request = buildTokenRequest(challenge.params, scopes, credential, this.maxTokenBytes);
    const response = await this.deps.transport(request);
    if (response.status === 401 || response.status === 403) throw await this.refused(response.status);
    if (response.status !== 200) throw this.failed(`its token server answered ${response.status}`);
    const minSeconds = DEFAULTS.tokenMinLifetimeMs / 1000;
    const parsed = parseTokenResponse(response.body, minSeconds);
    if (parsed === undefined) throw this.failed('its token server sent no token');
    this.tokens.put(key, parsed.token, now, parsed.expiresInSeconds * 1000);
    return parsed.token;
  }

  private failed(why: string): RegistryError {
    return new RegistryError('AUTH_FAILED', `Could not authenticate to ${this.registry}: ${why}.`, {
      registry: this.registry,
    });
  }

  private unsupported(challenges: Challenge[]): RegistryError {
    const schemes = challenges.map((c) => c.scheme).join(', ');
    const message = `${this.registry} asks for ${schemes} authentication, which is not supported (Bearer, Basic).`;
    return new RegistryError('AUTH_UNSUPPORTED', message, { registry: this.registry });
  }
}

// The key names the credential by source and user, never by secret.
function tokenKey(challenge: Challenge, scope: string | undefined, credential: Credential | undefined): string {
  const who = credential === undefined ? '' : `${credential.source}/${credential.username ?? ''}`;
  const { realm = '', service = '' } = challenge.params;
  return [realm, service, scopesFor(challenge.params.scope, scope).sort().join(' '), who].join('|');
}
