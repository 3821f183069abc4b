import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectRig } from '../rig/inject-rig';
import { pushedImage, resolveHome, type ResolveHome } from './registry-resolve-cli';

const HUB_HEADERS = { 'ratelimit-limit': '100;w=21600', 'ratelimit-remaining': '76;w=21600' };

/** Forwards to a plain-HTTP registry and adds Docker Hub's rate-limit headers to every answer. */
async function startHubHeaders(upstream: string): Promise<Server> {
  const server = createServer((req, res) => {
    const out = request(new URL(req.url ?? '/', upstream), { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...HUB_HEADERS });
      answer.pipe(res);
    });
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

describe('image-trust resolve › rate limits', () => {
  const rig = injectRig();
  let server: Server;
  let home: ResolveHome;
  beforeAll(async () => {
    server = await startHubHeaders(rig.registries.http.url);
    home = await resolveHome(rig);
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await home.remove();
  });

  it.each(['v1', 'multi'])('reports the registry’s rate-limit headers with %s', async (tag) => {
    const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { status, rows } = await home.resolve(`${host}/demo/app:${tag}`);
    expect(status).toBe(0);
    expect(rows[0]).toMatchObject({
      digest: pushedImage(rig, 'http', tag).digest,
      rateLimit: { limit: 100, remaining: 76, windowSeconds: 21600 },
    });
  });
});
