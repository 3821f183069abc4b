import https from 'node:https';
import { readResponse, type RigResponse } from '../test/rig/rig-http';

/** A keep-alive HTTPS client with one CA, for the bench's own requests (seeding and the floor). */
export function createHttpsSession(ca: string, maxSockets: number) {
  const agent = new https.Agent({ keepAlive: true, maxSockets, ca });
  let requests = 0;
  const send = (method: string, url: string, headers: Record<string, string> = {}, body?: Buffer) =>
    new Promise<RigResponse>((resolve, reject) => {
      requests += 1;
      const sized = body === undefined ? headers : { ...headers, 'content-length': String(body.length) };
      const req = https.request(url, { method, headers: sized, agent }, (res) =>
        readResponse(res).then(resolve, reject),
      );
      req.on('error', reject);
      req.end(body);
    });
  return { send, requests: () => requests, close: () => agent.destroy() };
}

export type HttpsSession = ReturnType<typeof createHttpsSession>;

/** Runs `task` over `items`, at most `limit` at a time. */
export async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) await task(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** One token per repository from a docker token realm, shared by concurrent callers. */
export function tokenSource(http: HttpsSession, realm: string, service: string, basic: string, actions: string) {
  const tokens = new Map<string, Promise<string>>();
  const fetchToken = async (repo: string) => {
    const url = new URL(realm);
    url.searchParams.set('service', service);
    url.searchParams.set('scope', `repository:${repo}:${actions}`);
    const res = await http.send('GET', url.href, { authorization: `Basic ${basic}` });
    if (res.status !== 200) throw new Error(`token for ${repo}: HTTP ${res.status}`);
    return (JSON.parse(res.body.toString('utf8')) as { token: string }).token;
  };
  return (repo: string) => {
    let token = tokens.get(repo);
    if (token === undefined) tokens.set(repo, (token = fetchToken(repo)));
    return token;
  };
}
