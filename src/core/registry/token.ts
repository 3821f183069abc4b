import type { Credential } from './credential';
import { basicAuthorization } from './credential';
import type { TransportRequest } from './ports';

export interface TokenResponse {
  token: string;
  /** Seconds the token lives, never less than the spec's 60. */
  expiresInSeconds: number;
}

const CLIENT_ID = 'image-trust';

/**
 * The token endpoint request for a Bearer challenge (docs/spec/auth/token.md, oauth.md): a GET with Basic
 * credentials, or an OAuth2 POST `grant_type=refresh_token` when the credential is an identity token.
 */
export function buildTokenRequest(
  params: Record<string, string>,
  scopes: readonly string[],
  credential: Credential | undefined,
  maxBytes: number,
): Omit<TransportRequest, 'signal'> {
  const realm = new URL(params.realm ?? '');
  if (credential?.kind === 'identity-token') {
    const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: credential.token });
    form.set('client_id', CLIENT_ID);
    if (params.service !== undefined) form.set('service', params.service);
    if (scopes.length > 0) form.set('scope', scopes.join(' '));
    const body = new TextEncoder().encode(form.toString());
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    return { method: 'POST', url: realm, headers, body, maxBytes };
  }
  if (params.service !== undefined) realm.searchParams.set('service', params.service);
  for (const scope of scopes) realm.searchParams.append('scope', scope);
  const headers: Record<string, string> = {};
  if (credential !== undefined) {
    realm.searchParams.set('account', credential.username);
    headers.authorization = basicAuthorization(credential.username, credential.password);
  }
  return { method: 'GET', url: realm, headers, maxBytes };
}

/** `token` or `access_token`; `expires_in` defaults to, and is raised to, the minimum lifetime. */
export function parseTokenResponse(body: Uint8Array, minLifetimeSeconds: number): TokenResponse | undefined {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body));
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null) return undefined;
  const fields = json as Record<string, unknown>;
  const token = nonEmptyString(fields.token) ?? nonEmptyString(fields.access_token);
  if (token === undefined) return undefined;
  const expiresIn = typeof fields.expires_in === 'number' ? fields.expires_in : 0;
  return { token, expiresInSeconds: Math.max(expiresIn, minLifetimeSeconds) };
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The scopes to ask for: the challenge's own (space-separated) plus the one this request needs. */
export function scopesFor(challengeScope: string | undefined, needed: string | undefined): string[] {
  const scopes = (challengeScope ?? '').split(' ').filter((s) => s !== '');
  if (needed !== undefined && !scopes.includes(needed)) scopes.push(needed);
  return scopes;
}
