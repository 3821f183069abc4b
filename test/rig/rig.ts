import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signRigImages } from './cosign-signing';
import { signSigstoreImages } from './sigstore-rig';
import { buildImageLayout } from './image-catalog';
import { pushImages } from './image-pushing';
import { DEFAULT_PUSH_PLAN, type PushPlanEntry } from './push-plan';
import { startRigServers, stopRigServers, type StartedServers } from './rig-servers';
import type { RigInfo } from './rig-types';
import { verifyRigPackages } from './rig-packages';
import { settleAll } from './settle-all';
import { writeSkopeoIsolation } from './skopeo';
import { publishTrust } from './trust-publisher';
import { rigSignedTags } from './signed-tags';
import type { TokenGrant } from './token-endpoint';

export interface StartRigOptions {
  /** What to push; `[]` pushes nothing. Defaults to DEFAULT_PUSH_PLAN (8 tags, 21 pushes). */
  pushPlan?: readonly PushPlanEntry[];
}

/** A running rig: its connection data, the token server's grant log, and `stop()`. */
export interface Rig extends RigInfo {
  tokenGrants: TokenGrant[];
  /** Stops every server the rig started and removes its temp dir. Safe to call twice. */
  stop(): Promise<void>;
}

async function startEverything(dir: string, plan: readonly PushPlanEntry[], started: StartedServers) {
  const t0 = Date.now();
  let trustMs = 0;
  const layoutDir = join(dir, 'layout');
  const [servers, built, isolation] = await settleAll([
    startRigServers(dir, started),
    buildImageLayout(layoutDir),
    writeSkopeoIsolation(dir),
  ] as const);
  const serversMs = Date.now() - t0;
  const ctx = { workDir: dir, layoutDir, built, ...isolation };
  const trustStart = Date.now();
  const gun = `${servers.registries.http.host}/demo/app`;
  const signed = plan === DEFAULT_PUSH_PLAN;
  const [{ pushed, cosign, sigstore }, notary] = await settleAll([
    // cosign signatures need the pushed digests; they are made while notary still publishes.
    pushImages(ctx, Object.values(servers.registries), plan).then(async (pushed) => ({
      pushed,
      cosign: signed ? await signRigImages(join(dir, 'cosign'), servers.registries.http, pushed) : undefined,
      sigstore: signed ? await signSigstoreImages(join(dir, 'sigstore'), servers.registries.http) : undefined,
    })),
    publishTrust(join(dir, 'notary'), servers.notary.url, servers.pki.caFile, gun, rigSignedTags(built)).then(
      (info) => ((trustMs = Date.now() - trustStart), info),
    ),
  ] as const);
  const totalMs = Date.now() - t0;
  const { pki } = servers;
  const info: RigInfo = {
    registries: servers.registries,
    pushed,
    notary: { ...notary, signerPort: servers.notary.signerPort },
    ...(cosign === undefined ? {} : { cosign }),
    ...(sigstore === undefined ? {} : { sigstore }),
    processes: [...started.registries.map((r) => r.process), ...(started.notary ?? [])].map((p) => ({
      name: p.name,
      pid: p.pid,
    })),
    tls: { caFile: pki.caFile, certDir: pki.certDir, certFile: pki.serverCert, keyFile: pki.serverKey },
    dir,
    timings: { pkiMs: servers.pkiMs, serversMs, pushMs: totalMs - serversMs, trustMs, totalMs },
  };
  return { info, tokenGrants: servers.tokenServer.grants };
}

/**
 * Starts the four registries (http, tls, basic, token), the token server and notary (server + signer) on
 * 127.0.0.1 with OS-picked ports, in parallel, then pushes the images of the plan while publishing trust data
 * for `demo/app` on the http registry with the notary CLI. On failure everything already started is stopped.
 */
export async function startRig(options: StartRigOptions = {}): Promise<Rig> {
  verifyRigPackages();
  const dir = await mkdtemp(join(tmpdir(), 'image-trust-rig-'));
  // If the test process ends without stop(), processes.ts kills the servers; this removes the files.
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  process.once('exit', removeDir);
  const started: StartedServers = { registries: [] };
  const stopAll = async () => {
    await stopRigServers(started);
    await rm(dir, { recursive: true, force: true });
    process.off('exit', removeDir);
  };
  try {
    const { info, tokenGrants } = await startEverything(dir, options.pushPlan ?? DEFAULT_PUSH_PLAN, started);
    let stopping: Promise<void> | undefined;
    return { ...info, tokenGrants, stop: () => (stopping ??= stopAll()) };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
