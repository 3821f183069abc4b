import { homedir } from 'node:os';
import { CoreError } from '../core/errors';
import { verifyCosignEvidence } from '../core/features/cosign-evidence';
import { CosignStore } from '../core/features/cosign-store';
import { cosignTrustPlan } from '../core/features/cosign-trust-plan';
import { DctStore } from '../core/features/dct-store';
import type { RegistryClient } from '../core/registry/client-types';
import type { CredentialSource } from '../core/registry/credential';
import type { Log, Transport } from '../core/registry/ports';
import { verifyResolutionDct, type MetadataSource } from '../core/trust/notary';
import { createDiskTrustStore, defaultTrustRoot } from '../node/notary-trust-store';
import { systemClock } from '../node/system-clock';
import type { ExtensionSettings } from './settings';
import { cosignLogEvent, dctLogEvent } from './trust-log';

/** What the signature checks reach the servers with: the registry client's transport, credentials and client. */
export interface SignatureDeps {
  client: RegistryClient;
  transport: Transport;
  credentials: CredentialSource;
  userAgent: string;
  log: Log;
}

/**
 * Docker Content Trust for registries with a notary server configured, with the CLI's TOFU pins and version
 * floors (so the editor and `image-trust verify` agree on what was seen); each verdict is logged.
 */
export function createDctStore(settings: ExtensionSettings, deps: SignatureDeps): DctStore {
  const trustStore = createDiskTrustStore(defaultTrustRoot(process.env, homedir()));
  // Shared for the store's life so the tags of one repository reuse the notary server's token.
  const sources = new Map<string, MetadataSource>();
  return new DctStore({
    enabled: (resolution) => Object.hasOwn(settings.notaryServers, resolution.reference.domain),
    verify: async (resolution, signal) => {
      const result = await verifyResolutionDct(resolution, {
        transport: deps.transport,
        clock: systemClock,
        credentials: deps.credentials,
        store: trustStore,
        servers: { servers: settings.notaryServers },
        options: { expiryWarningDays: settings.expiryWarningDays },
        userAgent: deps.userAgent,
        referenceTime: Date.now(),
        signal,
        sources,
      });
      deps.log(dctLogEvent(resolution, result));
      return result;
    },
  });
}

/** cosign where a key or identity applies to the image (settings, and the policy rule matching it). */
export function createCosignStore(settings: ExtensionSettings, deps: SignatureDeps): CosignStore {
  const trustFor = cosignTrustPlan(settings.policy.policy, settings.cosign.inputs);
  return new CosignStore({
    enabled: (resolution) => trustFor(resolution.reference) !== undefined,
    verify: async (resolution, signal) => {
      const trust = trustFor(resolution.reference);
      if (trust === undefined) throw new CoreError('COSIGN_NOTHING_TO_VERIFY', 'no key or identity applies');
      const evidence = await verifyCosignEvidence(resolution, { client: deps.client, trust, signal });
      deps.log(cosignLogEvent(resolution, evidence));
      return evidence;
    },
  });
}
