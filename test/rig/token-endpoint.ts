import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccessEntry } from './jwt';
import { RIG_USERS, type RigUser } from './rig-users';
import { grantAccess, parseScopes } from './token-scope';

export const TOKEN_TTL_SECONDS = 300;
const MAX_FORM_BYTES = 64 * 1024;

/** What the token server granted, kept so tests can see what a client asked for. */
export interface TokenGrant {
  user: string;
  requested: AccessEntry[];
  granted: AccessEntry[];
}

export type SignToken = (subject: string, access: AccessEntry[]) => string;

interface Credentials {
  username: string;
  password: string;
}

function equalText(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function findUser(credentials: Credentials): RigUser | undefined {
  return RIG_USERS.find(
    (u) => equalText(u.username, credentials.username) && equalText(u.password, credentials.password),
  );
}

function basicCredentials(req: IncomingMessage): Credentials | undefined {
  const header = req.headers.authorization ?? '';
  if (!header.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return { username: decoded.slice(0, Math.max(colon, 0)), password: decoded.slice(colon + 1) };
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > MAX_FORM_BYTES) break;
  }
  return new URLSearchParams(body);
}

/** The toy refresh token of RIG-NOTES §4.4: `rig-refresh:<user>` stands for that user. */
export function rigRefreshToken(username: string): string {
  return `rig-refresh:${username}`;
}

function refreshTokenUser(token: string): RigUser | undefined {
  return RIG_USERS.find((u) => equalText(rigRefreshToken(u.username), token));
}

/** Who asks: `null` when anonymous, `undefined` when the credentials are wrong. */
type Requester = RigUser | null | undefined;

/**
 * GET carries the query and Basic auth (docker token protocol); POST an OAuth2 form (docs/spec/auth/oauth.md),
 * `grant_type=password` with username and password, or `grant_type=refresh_token`.
 */
async function readRequest(req: IncomingMessage): Promise<{ params: URLSearchParams; user: Requester }> {
  if (req.method !== 'POST') {
    const credentials = basicCredentials(req);
    const params = new URL(req.url ?? '/', 'https://rig').searchParams;
    return { params, user: credentials === undefined ? null : findUser(credentials) };
  }
  const params = await readForm(req);
  if (params.get('grant_type') === 'refresh_token') {
    return { params, user: refreshTokenUser(params.get('refresh_token') ?? '') };
  }
  const username = params.get('username');
  const user = username === null ? null : findUser({ username, password: params.get('password') ?? '' });
  return { params, user };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/** Issues a token for `/token` (RIG-NOTES §4.4). Anonymous requests get a token with no access. */
export async function handleTokenRequest(
  req: IncomingMessage,
  res: ServerResponse,
  sign: SignToken,
  grants: TokenGrant[],
): Promise<void> {
  const { params, user } = await readRequest(req);
  if (user === undefined) {
    sendJson(res, 401, { errors: [{ code: 'UNAUTHORIZED' }] }, { 'www-authenticate': 'Basic realm="rig-token"' });
    return;
  }
  const requested = parseScopes([...params.getAll('scope')]);
  const granted = grantAccess(user, requested);
  grants.push({ user: user?.username ?? '', requested, granted });
  const token = sign(user?.username ?? '', granted);
  const issuedAt = new Date().toISOString();
  // An OAuth2 client keeps the refresh token, as `docker login` stores it as `identitytoken`.
  const refresh = req.method === 'POST' && user !== null ? { refresh_token: rigRefreshToken(user.username) } : {};
  sendJson(res, 200, { token, access_token: token, expires_in: TOKEN_TTL_SECONDS, issued_at: issuedAt, ...refresh });
}
