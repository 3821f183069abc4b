import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MemoryBlockstore } from 'blockstore-core/memory';
import { runCli } from '../../src/cli/run-cli';
import type { FetchReport } from '../../src/cli/fetch-report';
import { publishImage, type PublishedImage } from '../../src/core/ipfs/publish-image';
import { registryBlobReader, registryTopDescriptor } from '../../src/core/ipfs/registry-blob-reader';
import { webCryptoHash } from '../../src/core/registry/digest';
import { createKuboRpcSink } from '../../src/node/ipfs/kubo-rpc-source';
import { createNodeHash } from '../../src/node/ipfs/node-hash';
import { createNodeRegistryClient } from '../../src/node/node-registry-client';
import { startFaultProxy, type FaultProxy } from '../rig/fault-proxy';
import { startIpfsGateway, type IpfsTestServer } from '../rig/ipfs-gateway';
import { startKuboRpcServer } from '../rig/kubo-rpc-server';
import type { RigInfo } from '../rig/rig-types';
import { captureIo } from '../support/capture-io';

export const run = promisify(execFile);

/** A rig image as `host/repo@digest`. */
export function pinned(rig: RigInfo, tag: string): { reference: string; digest: string } {
  const image = rig.pushed.find((p) => p.registry === 'http' && p.repo === 'demo/app' && p.tag === tag);
  if (image === undefined) throw new Error(`the rig did not push demo/app:${tag}`);
  return { reference: `${rig.registries.http.host}/demo/app@${image.digest}`, digest: image.digest };
}

/**
 * One blockstore behind a Kubo-RPC server and a trustless gateway, with a rig image published into it through
 * the Kubo server's `add` (nerdctl's form), read from the rig's registry.
 */
export async function ipfsWithImage(rig: RigInfo, tag: string) {
  const store = new MemoryBlockstore();
  const kubo = await startKuboRpcServer(store);
  const gateway = await startIpfsGateway(store, kubo.faults);
  const { client, close } = createNodeRegistryClient({ allowCredentialHelpers: false, diskCache: false, env: {} });
  try {
    const source = pinned(rig, tag);
    const ref = { domain: rig.registries.http.host, path: 'demo/app', digest: source.digest };
    const signal = AbortSignal.timeout(20_000);
    const top = await registryTopDescriptor(client, ref, signal);
    const reader = registryBlobReader(client, ref, createNodeHash);
    const sink = await createKuboRpcSink(kubo.url);
    const image: PublishedImage = await publishImage({ reader, sink, hash: webCryptoHash }, top, signal);
    return { store, kubo, gateway, image, source, close: () => Promise.all([kubo.close(), gateway.close()]) };
  } finally {
    close();
  }
}

export type IpfsWithImage = Awaited<ReturnType<typeof ipfsWithImage>>;

/**
 * `gateway` over HTTPS: the fault proxy in front of it, with the rig's server certificate, whose CA no client
 * trusts unless given `rig.tls.caFile` (a corporate CA, in effect).
 */
export function httpsGateway(rig: RigInfo, gateway: IpfsTestServer): Promise<FaultProxy> {
  return startFaultProxy({ upstream: gateway.url, tls: { certFile: rig.tls.certFile, keyFile: rig.tls.keyFile } });
}

/** `image-trust fetch ... --format json` in-process, in a throw-away HOME. */
export async function fetchCli(work: string, ...args: string[]) {
  const env = { HOME: work, XDG_CACHE_HOME: join(work, 'cache'), PATH: process.env.PATH };
  const captured = captureIo(work, env);
  const status = await runCli(['fetch', '--format', 'json', ...args], captured.io);
  const report = status === 2 ? undefined : (JSON.parse(captured.stdout()) as FetchReport);
  return { status, report, stderr: captured.stderr() };
}

export async function tempWork() {
  const dir = await mkdtemp(join(tmpdir(), 'image-trust-fetch-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export type { FaultProxy, IpfsTestServer };
