import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { signRegistryToken } from './jwt';
import { handleTokenRequest, TOKEN_TTL_SECONDS, type SignToken, type TokenGrant } from './token-endpoint';

export const TOKEN_ISSUER = 'rig-token-issuer';
export const TOKEN_SERVICE = 'rig-registry';

export interface TokenServerFiles {
  serverCert: string;
  serverKey: string;
  tokenCert: string;
  tokenKey: string;
}

export interface TokenServer {
  /** `https://127.0.0.1:PORT/token`, the realm the token registry's challenge names. */
  realm: string;
  /** Every grant, in order, for tests that check what a client asked for. */
  grants: TokenGrant[];
  stop(): Promise<void>;
}

async function loadSigner(files: TokenServerFiles): Promise<SignToken> {
  const key = createPrivateKey(await readFile(files.tokenKey));
  const cert = new X509Certificate(await readFile(files.tokenCert));
  return (subject, access) =>
    signRegistryToken(
      {
        issuer: TOKEN_ISSUER,
        service: TOKEN_SERVICE,
        subject,
        access,
        ttlSeconds: TOKEN_TTL_SECONDS,
        nowSeconds: Math.floor(Date.now() / 1000),
      },
      key,
      cert,
    );
}

/** An HTTPS token server on 127.0.0.1 with an OS-picked port, signing JWTs the real registry validates. */
export async function startTokenServer(files: TokenServerFiles): Promise<TokenServer> {
  const sign = await loadSigner(files);
  const grants: TokenGrant[] = [];
  const [cert, key] = await Promise.all([readFile(files.serverCert), readFile(files.serverKey)]);
  const server = createServer({ cert, key }, (req, res) => {
    const path = new URL(req.url ?? '/', 'https://rig').pathname;
    if (path === '/healthz') res.writeHead(200).end('ok');
    else if (path === '/token') handleTokenRequest(req, res, sign, grants).catch(() => res.destroy());
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    realm: `https://127.0.0.1:${port}/token`,
    grants,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
