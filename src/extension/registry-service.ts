import { homedir } from 'node:os';
import { DctStore } from '../core/features/dct-store';
import { ResolutionStore } from '../core/features/resolution-store';
import { withDefaultTag } from '../core/reference';
import type { Log } from '../core/registry/ports';
import { verifyResolutionDct, type MetadataSource } from '../core/trust/notary';
import { createNodeRegistryClient } from '../node/node-registry-client';
import { createDiskTrustStore, defaultTrustRoot } from '../node/notary-trust-store';
import { systemClock } from '../node/system-clock';
import type { ExtensionSettings } from './settings';

/** Failures are asked again after this long, so a network blip does not stick for the whole TTL. */
const FAILURE_TTL_MS = 30_000;

export interface RegistryService {
  store: ResolutionStore;
  dct: DctStore;
  dispose(): void;
}

/**
 * The registry client and the resolution store for one set of settings; rebuilt when settings or workspace
 * trust change, and by "Clear cache". The store is the only tag cache (the client's tag TTL is 0), so "Verify"
 * really asks the registry again; content stays cached by digest inside the client.
 */
export function createRegistryService(settings: ExtensionSettings, log: Log): RegistryService {
  const { client, close, transport, credentials } = createNodeRegistryClient({
    allowCredentialHelpers: settings.allowCredentialHelpers,
    insecureRegistries: settings.insecureRegistries,
    transport: { caFiles: settings.caFiles },
    diskCache: false,
    tagTtlMs: 0,
    userAgent: 'image-trust-vscode',
    log,
  });
  const store = new ResolutionStore({
    resolve: (reference, signal) => client.resolve(withDefaultTag({ ...reference, digest: undefined }), { signal }),
    now: Date.now,
    ttlMs: settings.cacheTtlSeconds * 1000,
    failureTtlMs: Math.min(FAILURE_TTL_MS, settings.cacheTtlSeconds * 1000),
    offline: settings.offline,
  });
  // The CLI's TOFU pins and version floors, so the editor and `image-trust verify` agree on what was seen.
  const trustStore = createDiskTrustStore(defaultTrustRoot(process.env, homedir()));
  // Shared for the service's life so the tags of one repository reuse the notary server's token.
  const sources = new Map<string, MetadataSource>();
  const dct = new DctStore({
    enabled: (registry) => Object.hasOwn(settings.notaryServers, registry),
    verify: (resolution, signal) =>
      verifyResolutionDct(resolution, {
        transport,
        clock: systemClock,
        credentials,
        store: trustStore,
        servers: { servers: settings.notaryServers },
        options: { expiryWarningDays: settings.expiryWarningDays },
        userAgent: 'image-trust-vscode',
        referenceTime: Date.now(),
        signal,
        sources,
      }),
  });
  return {
    store,
    dct,
    dispose: () => {
      dct.clear();
      store.clear();
      close();
    },
  };
}
