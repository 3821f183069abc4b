import { homedir } from 'node:os';
import { createRegistryClient } from '../core/registry/client';
import type { RegistryClient } from '../core/registry/client-types';
import { createCredentialSource } from '../core/registry/credential-lookup';
import type { RegistryClientOptions } from '../core/registry/defaults';
import type { CredentialSource } from '../core/registry/credential';
import type { Log, RegistryCache, Transport } from '../core/registry/ports';
import { credentialFilesFromEnv } from './credential-files';
import { createDiskCache, defaultCacheRoot } from './disk-cache';
import { createExec } from './exec-file';
import { createHttpTransport, type HttpTransportOptions } from './http-transport';
import { systemClock } from './system-clock';
import { defaultCertsDirs } from './tls-config';
import { readTextFile } from './text-file-reader';

export interface NodeRegistryClientOptions extends Partial<RegistryClientOptions> {
  /** Off in untrusted workspaces. */
  allowCredentialHelpers: boolean;
  env?: NodeJS.ProcessEnv;
  home?: string;
  /** `false` keeps the cache in memory; a path overrides `$XDG_CACHE_HOME/image-trust/registry`; a cache is used as is. */
  diskCache?: string | false | RegistryCache;
  /** Asked before the Docker and Podman files (the extension's SecretStorage). */
  credentialsFirst?: CredentialSource;
  transport?: Partial<HttpTransportOptions>;
  log?: Log;
}

/**
 * The registry client wired to the real ports: node:https transport, docker/podman credential files and
 * helpers, the system clock and the disk cache. Point it at `127.0.0.1:PORT` (plain HTTP is allowed there)
 * or at a TLS registry with `transport.caFiles` / `transport.certsDirs`. `close()` ends pooled connections.
 */
export function createNodeRegistryClient(options: NodeRegistryClientOptions): {
  client: RegistryClient;
  close(): void;
  /** The same transport and credentials, for servers that use the registry's auth (notary). */
  transport: Transport;
  credentials: CredentialSource;
} {
  const env = options.env ?? process.env;
  const home = options.home ?? homedir();
  const insecureRegistries = options.insecureRegistries ?? [];
  const http = createHttpTransport({
    env,
    insecureRegistries,
    certsDirs: defaultCertsDirs(home),
    ...options.transport,
  });
  const files = createCredentialSource(
    { readFile: readTextFile, exec: createExec(env), ...(options.log ? { log: options.log } : {}) },
    { files: credentialFilesFromEnv(env, home), allowCredentialHelpers: options.allowCredentialHelpers },
  );
  const first = options.credentialsFirst;
  const credentials: CredentialSource = first
    ? async (registry, signal) => (await first(registry, signal)) ?? files(registry, signal)
    : files;
  const cache = cacheOf(options.diskCache, env, home);
  const client = createRegistryClient(
    {
      transport: http.transport,
      clock: systemClock,
      credentials,
      ...(cache ? { cache } : {}),
      ...(options.log ? { log: options.log } : {}),
    },
    { ...options, insecureRegistries },
  );
  return { client, close: http.close, transport: http.transport, credentials };
}

function cacheOf(option: NodeRegistryClientOptions['diskCache'], env: NodeJS.ProcessEnv, home: string) {
  if (option === false) return undefined;
  if (option === undefined || typeof option === 'string') return createDiskCache(option ?? defaultCacheRoot(env, home));
  return option;
}
