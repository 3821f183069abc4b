/** Where the trust data of a registry's repositories lives, or why there is none to ask. */
export type NotaryServerChoice = { kind: 'server'; url: URL } | { kind: 'retired'; retirement: DctRetirement };

/** Docker Hub's DCT is being retired: reported as one finding with its dates, never as expiry errors. */
export interface DctRetirement {
  code: 'DCT_RETIRED';
  message: string;
  /** notary.docker.io shuts down. */
  shutdown: string;
  /** Docker Official Images' DCT certificates began expiring; Docker no longer signs them with DCT. */
  officialImagesUnsignedSince: string;
}

export interface NotaryServerSettings {
  /** `--notary-server`: wins over everything. */
  explicit?: string;
  /** Settings: registry host → notary server URL. */
  servers?: Record<string, string>;
  /** `DOCKER_CONTENT_TRUST_SERVER`. */
  environment?: string;
}

export const DOCKER_HUB_RETIREMENT: DctRetirement = {
  code: 'DCT_RETIRED',
  message:
    "Docker Hub's notary (notary.docker.io) shuts down on 2026-12-08; Docker stopped signing Docker Official " +
    'Images with Docker Content Trust (their certificates began expiring on 2025-08-08) and removed DCT ' +
    'validation from the docker CLI. Check the image for cosign signatures or attestations instead.',
  shutdown: '2026-12-08',
  officialImagesUnsignedSince: '2025-08-08',
};

function asBase(url: string): URL {
  const parsed = new URL(url.includes('://') ? url : `https://${url}`);
  if (!parsed.pathname.endsWith('/')) parsed.pathname += '/';
  return parsed;
}

/**
 * docker's choice of notary server: an explicit flag, then a per-registry setting, then
 * `DOCKER_CONTENT_TRUST_SERVER`, then `https://<registry>`. Docker Hub's own server is not asked: it is being
 * shut down and asking it could only hang or fail (name it explicitly to ask it anyway).
 */
export function chooseNotaryServer(registry: string, settings: NotaryServerSettings = {}): NotaryServerChoice {
  const configured = settings.explicit ?? settings.servers?.[registry] ?? settings.environment;
  if (configured !== undefined && configured !== '') return { kind: 'server', url: asBase(configured) };
  if (registry === 'docker.io') return { kind: 'retired', retirement: DOCKER_HUB_RETIREMENT };
  return { kind: 'server', url: asBase(registry) };
}
