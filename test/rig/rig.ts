import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildImageLayout } from './image-catalog';
import { pushImages } from './image-pushing';
import { writeHtpasswd } from './htpasswd';
import { createPki, type RigPki } from './pki';
import { DEFAULT_PUSH_PLAN, type PushPlanEntry } from './push-plan';
import { BASIC_REALM } from './registry-config';
import { startRegistry, type RegistryServer } from './registry-server';
import type { RegistryInfo, RigInfo } from './rig-types';
import { verifyRigPackages } from './rig-packages';
import { RIG_USERS } from './rig-users';
import { startTokenServer, TOKEN_ISSUER, TOKEN_SERVICE, type TokenServer } from './token-server';
import type { TokenGrant } from './token-endpoint';

export interface StartRigOptions {
  /** What to push to every registry; `[]` pushes nothing. Defaults to DEFAULT_PUSH_PLAN (7 tags). */
  pushPlan?: readonly PushPlanEntry[];
}

/** A running rig: its connection data, the token server's grant log, and `stop()`. */
export interface Rig extends RigInfo {
  tokenGrants: TokenGrant[];
  /** Stops every server the rig started and removes its temp dir. Safe to call twice. */
  stop(): Promise<void>;
}

interface Servers {
  registries: RegistryServer[];
  tokenServer?: TokenServer;
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

async function stopServers(servers: Servers, dir: string): Promise<void> {
  await Promise.allSettled([...servers.registries.map((r) => r.process.stop()), servers.tokenServer?.stop()]);
  await rm(dir, { recursive: true, force: true });
}

/** skopeo must not depend on /etc/containers nor on the user's credentials (RIG-NOTES §5). */
async function writeSkopeoFiles(dir: string): Promise<{ policyFile: string; authFile: string }> {
  const policyFile = join(dir, 'policy.json');
  const authFile = join(dir, 'auth.json');
  await writeFile(policyFile, JSON.stringify({ default: [{ type: 'insecureAcceptAnything' }] }));
  await writeFile(authFile, JSON.stringify({ auths: {} }));
  return { policyFile, authFile };
}

/** Like Promise.all, but waits for every task before failing, so nothing is still starting during clean-up. */
async function settleAll<T extends readonly unknown[]>(tasks: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const results = await Promise.allSettled(tasks);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  return results.map((r) => (r.status === 'fulfilled' ? r.value : undefined)) as unknown as T;
}

async function startEverything(dir: string, plan: readonly PushPlanEntry[], servers: Servers): Promise<RigInfo> {
  const started = Date.now();
  const track = (server: RegistryServer) => (servers.registries.push(server), server);
  const htpasswdFile = join(dir, 'htpasswd');
  const [pki, http, built, skopeoFiles] = await settleAll([
    createPki(join(dir, 'pki')),
    startRegistry('http', dir, undefined).then(track),
    buildImageLayout(join(dir, 'layout')),
    writeSkopeoFiles(dir),
    writeHtpasswd(htpasswdFile),
  ] as const);
  const pkiMs = Date.now() - started;
  const tokenServer = await startTokenServer(pki);
  servers.tokenServer = tokenServer;
  const tokenAuth = { tokenRealm: tokenServer.realm, tokenService: TOKEN_SERVICE, tokenIssuer: TOKEN_ISSUER };
  const [tls, basic, token] = await settleAll([
    startRegistry('tls', dir, pki).then(track),
    startRegistry('basic', dir, pki, { htpasswdFile }).then(track),
    startRegistry('token', dir, pki, tokenAuth).then(track),
  ] as const);
  const serversMs = Date.now() - started;
  const info = (server: RegistryServer) => toInfo(server, pki, tokenServer);
  const registries = { http: info(http), tls: info(tls), basic: info(basic), token: info(token) };
  const ctx = { workDir: dir, layoutDir: join(dir, 'layout'), built, ...skopeoFiles };
  const pushed = await pushImages(ctx, Object.values(registries), plan);
  const totalMs = Date.now() - started;
  const processes = servers.registries.map((r) => ({ name: r.process.name, pid: r.process.pid }));
  const pkiFiles = { caFile: pki.caFile, certDir: pki.certDir, certFile: pki.serverCert, keyFile: pki.serverKey };
  const timings = { pkiMs, serversMs, pushMs: totalMs - serversMs, totalMs };
  return { registries, pushed, processes, tls: pkiFiles, dir, timings };
}

/**
 * Starts the four registries (http, tls, basic, token) and the token server on 127.0.0.1 with OS-picked ports,
 * in parallel, then pushes the images of the plan to each. On failure everything already started is stopped.
 */
export async function startRig(options: StartRigOptions = {}): Promise<Rig> {
  verifyRigPackages();
  const dir = await mkdtemp(join(tmpdir(), 'image-trust-rig-'));
  const servers: Servers = { registries: [] };
  try {
    const info = await startEverything(dir, options.pushPlan ?? DEFAULT_PUSH_PLAN, servers);
    let stopping: Promise<void> | undefined;
    const stop = () => (stopping ??= stopServers(servers, dir));
    return { ...info, tokenGrants: servers.tokenServer?.grants ?? [], stop };
  } catch (error) {
    await stopServers(servers, dir);
    throw error;
  }
}
