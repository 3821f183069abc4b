import type { CredentialSource } from '../../registry/credential';
import type { Resolution } from '../../registry/client-types';
import type { Clock, Transport } from '../../registry/ports';
import type { NotaryOptions } from './defaults';
import { createNotarySource } from './notary-source';
import { chooseNotaryServer, type DctRetirement, type NotaryServerSettings } from './notary-server';
import type { MetadataSource, TrustStore } from './ports';
import type { TrustedRepo } from './update-trust';
import { verifyDct, type DctEvidence } from './verify-dct';

/** DCT evidence for one resolved reference, with the server asked (or Docker Hub's retirement instead). */
export interface DctResult extends DctEvidence {
  server?: string;
  retirement?: DctRetirement;
}

export interface ResolutionDctDeps {
  transport: Transport;
  clock: Clock;
  credentials: CredentialSource;
  store: TrustStore;
  servers?: NotaryServerSettings;
  options?: Partial<NotaryOptions>;
  userAgent?: string;
  /** Read once by the caller for the whole operation. */
  referenceTime: number;
  signal?: AbortSignal;
  /** One source per server and GUN, so several tags of a repository share the server's token. */
  sources?: Map<string, MetadataSource>;
  /** One update per GUN for the whole operation. */
  updates?: Map<string, Promise<TrustedRepo>>;
}

/** The GUN docker uses: the normalized repository name, registry included (`docker.io/library/alpine`). */
export function gunOf(resolution: Resolution): string {
  return `${resolution.reference.domain}/${resolution.reference.path}`;
}

function sourceFor(deps: ResolutionDctDeps, server: URL, registry: string, gun: string): MetadataSource {
  const key = `${server.href} ${gun}`;
  const cached = deps.sources?.get(key);
  if (cached !== undefined) return cached;
  const target = { server, registry, gun, userAgent: deps.userAgent ?? 'image-trust' };
  const source = createNotarySource(deps, target);
  deps.sources?.set(key, source);
  return source;
}

/** Verifies Docker Content Trust for the digest and size the registry served for this reference. */
export async function verifyResolutionDct(resolution: Resolution, deps: ResolutionDctDeps): Promise<DctResult> {
  const gun = gunOf(resolution);
  const registry = resolution.reference.domain;
  const choice = chooseNotaryServer(registry, deps.servers);
  if (choice.kind === 'retired') {
    const { retirement } = choice;
    const base = { gun, signed: false, signers: [], expires: {}, certificates: [], warnings: [], failures: [] };
    return { ...base, codes: [retirement.code], retirement };
  }
  const source = sourceFor(deps, choice.url, registry, gun);
  const subject = {
    gun,
    digest: resolution.digest,
    size: resolution.size,
    ...(resolution.reference.tag ? { tag: resolution.reference.tag } : {}),
  };
  const evidence = await verifyDct(subject, { ...deps, source });
  return { ...evidence, server: choice.url.origin };
}
