import { join } from 'node:path';
import { writeHtpasswd } from './htpasswd';
import { startNotary, type NotaryServer } from './notary-server';
import { createPki, type RigPki } from './pki';
import type { RigProcess } from './processes';
import { BASIC_REALM, type RegistryKind } from './registry-config';
import { startRegistry, type RegistryServer } from './registry-server';
import type { RegistryInfo } from './rig-types';
import { RIG_USERS } from './rig-users';
import { settleAll } from './settle-all';
import { startTokenServer, TOKEN_ISSUER, TOKEN_SERVICE, type TokenServer } from './token-server';

/** What has been started so far, so a failed start can still stop it. */
export interface StartedServers {
  registries: RegistryServer[];
  tokenServer?: TokenServer;
  /** notary-signer and notary-server. */
  notary?: RigProcess[];
}

export interface RigServers {
  pki: RigPki;
  registries: Record<RegistryKind, RegistryInfo>;
  tokenServer: TokenServer;
  notary: NotaryServer;
  /** Milliseconds from the call until the PKI was made. */
  pkiMs: number;
}

function toInfo(server: RegistryServer, pki: RigPki, tokenServer: TokenServer): RegistryInfo {
  const tls = server.kind === 'http' ? {} : { caFile: pki.caFile, certDir: pki.certDir };
  const auth: RegistryInfo['auth'] =
    server.kind === 'basic'
      ? { kind: 'basic', realm: BASIC_REALM, users: RIG_USERS }
      : server.kind === 'token'
        ? { kind: 'token', realm: tokenServer.realm, service: TOKEN_SERVICE, issuer: TOKEN_ISSUER, users: RIG_USERS }
        : { kind: 'none' };
  return { kind: server.kind, host: server.host, url: server.url, ...tls, auth };
}

/**
 * Starts everything in parallel as far as dependencies allow: the HTTP registry with the PKI and htpasswd file;
 * then the token server (its realm goes into the token registry's config) and notary (signer, then server);
 * then the three TLS registries.
 */
export async function startRigServers(dir: string, started: StartedServers): Promise<RigServers> {
  const t0 = Date.now();
  const track = (server: RegistryServer) => (started.registries.push(server), server);
  const htpasswdFile = join(dir, 'htpasswd');
  const [pki, http] = await settleAll([
    createPki(join(dir, 'pki')),
    startRegistry({ kind: 'http', dir }).then(track),
    writeHtpasswd(htpasswdFile),
  ] as const);
  const pkiMs = Date.now() - t0;
  const trackNotary = (proc: RigProcess) => void (started.notary ??= []).push(proc);
  const notaryStart = startNotary(dir, pki, trackNotary);
  const tokenServer = await startTokenServer(pki);
  started.tokenServer = tokenServer;
  const tokenAuth = { tokenRealm: tokenServer.realm, tokenService: TOKEN_SERVICE, tokenIssuer: TOKEN_ISSUER };
  const [tls, basic, token, notary] = await settleAll([
    startRegistry({ kind: 'tls', dir, pki }).then(track),
    startRegistry({ kind: 'basic', dir, pki, auth: { htpasswdFile } }).then(track),
    startRegistry({ kind: 'token', dir, pki, auth: tokenAuth }).then(track),
    notaryStart,
  ] as const);
  const info = (server: RegistryServer) => toInfo(server, pki, tokenServer);
  const registries = { http: info(http), tls: info(tls), basic: info(basic), token: info(token) };
  return { pki, registries, tokenServer, notary, pkiMs };
}

export async function stopRigServers(started: StartedServers): Promise<void> {
  await Promise.allSettled([
    ...started.registries.map((r) => r.process.stop()),
    started.tokenServer?.stop(),
    ...(started.notary ?? []).map((proc) => proc.stop()),
  ]);
}
