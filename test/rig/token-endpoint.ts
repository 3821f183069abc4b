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

/** GET carries the query and Basic auth (docker token protocol); POST an OAuth2 password-grant form. */
async function readRequest(req: IncomingMessage): Promise<{ params: URLSearchParams; credentials?: Credentials }> {
  if (req.method !== 'POST') {
    return { params: new URL(req.url ?? '/', 'https://rig').searchParams, credentials: basicCredentials(req) };
  }
  const params = await readForm(req);
  const username = params.get('username');
  return { params, credentials: username === null ? undefined : { username, password: params.get('password') ?? '' } };
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
  const { params, credentials } = await readRequest(req);
  const user = credentials === undefined ? null : findUser(credentials);
  if (user === undefined) {
    sendJson(res, 401, { errors: [{ code: 'UNAUTHORIZED' }] }, { 'www-authenticate': 'Basic realm="rig-token"' });
    return;
  }
  const requested = parseScopes([...params.getAll('scope')]);
  const granted = grantAccess(user, requested);
  grants.push({ user: user?.username ?? '', requested, granted });
  const token = sign(user?.username ?? '', granted);
  const issuedAt = new Date().toISOString();
  sendJson(res, 200, { token, access_token: token, expires_in: TOKEN_TTL_SECONDS, issued_at: issuedAt });
}
