import { join } from 'node:path';
import { clientResolutionStore } from '../core/features/client-resolution-store';
import type { CosignStore } from '../core/features/cosign-store';
import type { DctStore } from '../core/features/dct-store';
import type { TrustLookups } from '../core/features/reference-trust';
import type { ResolutionStore } from '../core/features/resolution-store';
import type { RegistryClient } from '../core/registry/client-types';
import type { CredentialSource } from '../core/registry/credential';
import type { Policy } from '../core/policy';
import type { Log } from '../core/registry/ports';
import { createDiskCache } from '../node/disk-cache';
import { createNodeRegistryClient } from '../node/node-registry-client';
import type { ExtensionSettings } from './settings';
import { createCosignStore, createDctStore } from './signature-stores';
import { withTagRefresh } from './tag-refresh-cache';

const USER_AGENT = 'image-trust-vscode';

/** What the service is built from besides settings: where to log and cache, and the signed-in credentials. */
export interface ServiceEnvironment {
  log: Log;
  /** The registry cache's folder (under the extension's globalStorageUri). */
  cacheDir: string;
  /** Registry credentials from SecretStorage, asked before the Docker config. */
  credentials?: CredentialSource;
  /** Called when the policy file is created, changed or deleted. */
  policyChanged?: () => void;
}

export interface RegistryService {
  client: RegistryClient;
  /** The policy findings are judged by. */
  policy: Policy;
  store: ResolutionStore;
  dct: DctStore;
  cosign: CosignStore;
  lookups: TrustLookups;
  /** "Verify image trust": the next resolutions ask the registries, not the cache. */
  askAgain(): void;
  dispose(): void;
}

/** The registry cache folder under the extension's global storage. */
export function registryCacheDir(globalStorage: string): string {
  return join(globalStorage, 'registry');
}

/**
 * The registry client, the resolution store and the signature stores for one set of settings; rebuilt when
 * settings or workspace trust change, and by "Clear cache". The client caches on disk as the CLI does: content by
 * digest forever, tag → digest for the TTL setting.
 */
export function createRegistryService(settings: ExtensionSettings, environment: ServiceEnvironment): RegistryService {
  const { log } = environment;
  const cache = withTagRefresh(createDiskCache(environment.cacheDir));
  const { client, close, transport, credentials } = createNodeRegistryClient({
    allowCredentialHelpers: settings.allowCredentialHelpers,
    insecureRegistries: settings.insecureRegistries,
    transport: { caFiles: settings.caFiles },
    diskCache: cache,
    tagTtlMs: settings.cacheTtlSeconds * 1000,
    userAgent: USER_AGENT,
    log,
    ...(environment.credentials ? { credentialsFirst: environment.credentials } : {}),
  });
  const store = clientResolutionStore(client, { ttlSeconds: settings.cacheTtlSeconds, offline: settings.offline });
  const deps = { client, transport, credentials, userAgent: USER_AGENT, log };
  const dct = createDctStore(settings, deps);
  const cosign = createCosignStore(settings, deps);
  return {
    client,
    policy: settings.policy.policy,
    store,
    dct,
    cosign,
    lookups: { resolution: store.lookup, dct: dct.lookup, cosign: cosign.lookup },
    askAgain: () => cache.askAgain(),
    dispose: () => {
      cosign.clear();
      dct.clear();
      store.clear();
      close();
    },
  };
}
