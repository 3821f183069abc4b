import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli';
import { startFaultProxy } from '../rig/fault-proxy';
import type { RigInfo } from '../rig/rig-types';
import { captureIo } from '../support/capture-io';
import { makeTempTree } from '../support/temp-dir';

export interface ResolveRow {
  input: string;
  reference: string | null;
  digest: string | null;
  mediaType: string | null;
  verified: boolean | null;
  rateLimit: { limit: number; remaining: number; windowSeconds?: number } | null;
  error: string | null;
  code: string | null;
}

export interface ResolveRun {
  status: number;
  rows: ResolveRow[];
  /** stdout and stderr together, for the checks that a secret appears nowhere. */
  output: string;
}

export interface ResolveHome {
  root: string;
  env: Record<string, string>;
  resolve(...args: string[]): Promise<ResolveRun>;
  remove(): Promise<void>;
}

export interface HomeOptions {
  /** Pass the rig's CA with --ca-file (default). */
  trustRigCa?: boolean;
  /** Keep the disk cache under the HOME; by default every run passes --no-cache. */
  diskCache?: boolean;
}

/**
 * A throw-away HOME (docker config, cache) for `image-trust resolve --format json`. `files` go into the HOME
 * (e.g. `docker/config.json`).
 */
export async function resolveHome(
  rig: RigInfo,
  files: Record<string, string> = {},
  { trustRigCa = true, diskCache = false }: HomeOptions = {},
): Promise<ResolveHome> {
  const tree = await makeTempTree(files);
  const env = {
    HOME: tree.root,
    DOCKER_CONFIG: join(tree.root, 'docker'),
    XDG_CACHE_HOME: join(tree.root, 'cache'),
    PATH: process.env.PATH ?? '/usr/bin:/bin',
  };
  const flags = [...(trustRigCa ? ['--ca-file', rig.tls.caFile] : []), ...(diskCache ? [] : ['--no-cache'])];
  const resolve = async (...args: string[]): Promise<ResolveRun> => {
    const captured = captureIo(tree.root, env);
    const argv = ['resolve', '--format', 'json', ...flags, ...args];
    const status = await runCli(argv, captured.io);
    const output = `${captured.stdout()}\n${captured.stderr()}`;
    return { status, rows: JSON.parse(captured.stdout()) as ResolveRow[], output };
  };
  return { root: tree.root, env, resolve, remove: tree.remove };
}

/** A config.json with one `auths` entry. */
export function authsConfig(host: string, entry: Record<string, string>): string {
  return JSON.stringify({ auths: { [host]: entry } });
}

export function basicAuth(username: string, password: string): { auth: string } {
  return { auth: Buffer.from(`${username}:${password}`).toString('base64') };
}

/** The image the rig pushed as `repo:tag` to `registry`. */
export function pushedImage(rig: RigInfo, registry: string, tag: string, repo = 'demo/app') {
  const image = rig.pushed.find((p) => p.registry === registry && p.repo === repo && p.tag === tag);
  if (!image) throw new Error(`the rig pushed no ${repo}:${tag} to ${registry}`);
  return image;
}

/**
 * A fault proxy serving TLS (the rig's certificate covers 127.0.0.1) in front of one of the rig's TLS registries,
 * and a HOME whose config.json logs bob in at the proxy's host.
 */
export async function proxiedRegistry(rig: RigInfo, kind: 'token' | 'tls' = 'token', options: HomeOptions = {}) {
  const { certFile, keyFile, caFile } = rig.tls;
  const proxy = await startFaultProxy({ upstream: rig.registries[kind].url, caFile, tls: { certFile, keyFile } });
  const config = authsConfig(proxy.host, basicAuth('bob', 'hunter2'));
  const home = await resolveHome(rig, { 'docker/config.json': config }, options);
  const stop = async () => {
    await proxy.stop();
    await home.remove();
  };
  return { proxy, home, stop };
}
