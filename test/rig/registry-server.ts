import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findFreePort } from './free-port';
import type { RigPki } from './pki';
import { startProcess, type RigProcess } from './processes';
import { waitUntilServing } from './readiness';
import { buildRegistryConfig, type RegistryAuthInputs, type RegistryKind } from './registry-config';
import { RigError } from './rig-error';

export interface RegistryStart {
  kind: RegistryKind;
  /** Where the config and logs go. */
  dir: string;
  /** Serve TLS with these files (all kinds but 'http'). */
  pki?: RigPki;
  auth?: RegistryAuthInputs;
  /** Chooses the port of each attempt; tests inject a taken port to exercise the retry. */
  pickPort?: () => Promise<number>;
}

export interface RegistryServer {
  kind: RegistryKind;
  /** `127.0.0.1:PORT`, as it appears in image references. */
  host: string;
  /** `http://…` or `https://…`, no trailing slash. */
  url: string;
  process: RigProcess;
}

const BIND_ATTEMPTS = 5;
// distribution sends it on every /v2/ answer, 401 included; another server holding the port does not.
const REGISTRY_HEADER = 'docker-distribution-api-version';

/** The failure RIG-NOTES §1 says to retry: the message of RIG_PROCESS_EXITED carries the log tail. */
function isAddressInUse(error: unknown): boolean {
  return (
    error instanceof RigError && error.code === 'RIG_PROCESS_EXITED' && /address already in use/.test(error.message)
  );
}

/** One attempt: pick a port, write the config, spawn, wait for `/v2/`. */
async function startOnce(start: RegistryStart, attempt: number): Promise<RegistryServer> {
  const { kind, dir, pki } = start;
  const port = await (start.pickPort ?? findFreePort)();
  const configFile = join(dir, `registry-${kind}.yml`);
  await writeFile(configFile, JSON.stringify(buildRegistryConfig(kind, port, pki, start.auth ?? {}), null, 2));
  const logFile = join(dir, `registry-${kind}.${attempt}.log`);
  const proc = startProcess(`docker-registry (${kind})`, 'docker-registry', ['serve', configFile], logFile);
  const host = `127.0.0.1:${port}`;
  const url = `${pki === undefined ? 'http' : 'https'}://${host}`;
  try {
    const ca = pki === undefined ? undefined : await readFile(pki.caFile, 'utf8');
    await waitUntilServing(`${url}/v2/`, proc, { ca, header: REGISTRY_HEADER });
    return { kind, host, url, process: proc };
  } catch (error) {
    await proc.stop();
    throw error;
  }
}

/**
 * Starts a registry on an OS-picked port. The port is free when picked but may be taken before the registry
 * binds it; Go then exits with `address already in use`, and a new port is tried.
 */
export async function startRegistry(start: RegistryStart): Promise<RegistryServer> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(start, attempt);
    } catch (error) {
      if (attempt >= BIND_ATTEMPTS || !isAddressInUse(error)) throw error;
    }
  }
}
