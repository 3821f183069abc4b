import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findFreePort } from './free-port';
import type { RigPki } from './pki';
import { startProcess, type RigProcess } from './processes';
import { waitUntilServing } from './readiness';
import { buildRegistryConfig, type RegistryAuthInputs, type RegistryKind } from './registry-config';
import { RigError } from './rig-error';

export interface RegistryServer {
  kind: RegistryKind;
  /** `127.0.0.1:PORT`, as it appears in image references. */
  host: string;
  /** `http://…` or `https://…`, no trailing slash. */
  url: string;
  process: RigProcess;
}

const BIND_ATTEMPTS = 5;

function isAddressInUse(error: unknown, proc: RigProcess): boolean {
  return (
    error instanceof RigError && error.code === 'RIG_PROCESS_EXITED' && /address already in use/.test(proc.logTail(50))
  );
}

/** One attempt: pick a port, write the config, spawn, wait for `/v2/`. */
async function startOnce(
  kind: RegistryKind,
  dir: string,
  pki: RigPki | undefined,
  auth: RegistryAuthInputs,
  attempt: number,
) {
  const port = await findFreePort();
  const configFile = join(dir, `registry-${kind}.yml`);
  await writeFile(configFile, JSON.stringify(buildRegistryConfig(kind, port, pki, auth), null, 2));
  const logFile = join(dir, `registry-${kind}.${attempt}.log`);
  const proc = startProcess(`docker-registry (${kind})`, 'docker-registry', ['serve', configFile], logFile);
  const host = `127.0.0.1:${port}`;
  const url = `${pki === undefined ? 'http' : 'https'}://${host}`;
  const ca = pki === undefined ? undefined : await readFile(pki.caFile, 'utf8');
  return { proc, host, url, ready: waitUntilServing(`${url}/v2/`, proc, ca) };
}

/**
 * Starts a registry on an OS-picked port, over TLS when `pki` is given. The port is free when picked but may be taken before the registry
 * binds it; Go then exits with `address already in use`, and a new port is tried.
 */
export async function startRegistry(
  kind: RegistryKind,
  dir: string,
  pki: RigPki | undefined,
  auth: RegistryAuthInputs = {},
): Promise<RegistryServer> {
  for (let attempt = 1; ; attempt++) {
    const { proc, host, url, ready } = await startOnce(kind, dir, pki, auth, attempt);
    try {
      await ready;
      return { kind, host, url, process: proc };
    } catch (error) {
      await proc.stop();
      if (attempt >= BIND_ATTEMPTS || !isAddressInUse(error, proc)) throw error;
    }
  }
}
