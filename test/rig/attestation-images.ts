import { OCI_INDEX, OCI_MANIFEST, putBlob, putManifest, type Pushed } from './referrers-push';
import type { RegistryInfo } from './rig-types';

const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
const IN_TOTO = 'application/vnd.in-toto+json';

/** A pushed manifest and its bytes (a message signature signs them). */
export interface PushedManifest extends Pushed {
  bytes: Buffer;
}

async function pushManifest(registry: RegistryInfo, repo: string, tag: string | undefined, doc: object) {
  const bytes = Buffer.from(JSON.stringify(doc));
  return { ...(await putManifest(registry, repo, tag, bytes)), bytes };
}

/** A tiny single-platform image whose config names it, so every name has its own digest. */
export async function pushToyImage(
  registry: RegistryInfo,
  repo: string,
  name: string,
  platform = { os: 'linux', architecture: 'amd64' },
  tag: string | undefined = name,
): Promise<PushedManifest> {
  const rootfs = { type: 'layers', diff_ids: [] };
  const config = { ...platform, rootfs, config: { Labels: { 'org.opencontainers.image.title': name } } };
  const configBlob = await putBlob(registry, repo, Buffer.from(JSON.stringify(config)), OCI_CONFIG);
  return pushManifest(registry, repo, tag, {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: configBlob,
    layers: [],
  });
}

// A BuildKit attestation manifest: one in-toto layer per predicate, each annotated with its predicate type.
async function pushAttestationManifest(registry: RegistryInfo, repo: string, predicates: readonly string[]) {
  const config = await putBlob(registry, repo, Buffer.from('{}'), OCI_CONFIG);
  const layers = await Promise.all(
    predicates.map(async (predicateType) => {
      const statement = { _type: 'https://in-toto.io/Statement/v0.1', predicateType, subject: [], predicate: {} };
      const layer = await putBlob(registry, repo, Buffer.from(JSON.stringify(statement)), IN_TOTO);
      return { ...layer, annotations: { 'in-toto.io/predicate-type': predicateType } };
    }),
  );
  return pushManifest(registry, repo, undefined, { schemaVersion: 2, mediaType: OCI_MANIFEST, config, layers });
}

/**
 * A two-platform index as `docker buildx build --attest` pushes it: linux/amd64 and linux/arm64 manifests, and an
 * attestation manifest (provenance, SPDX SBOM) for amd64 marked `vnd.docker.reference.type: attestation-manifest`.
 */
export async function pushBuildkitIndex(registry: RegistryInfo, repo: string, tag: string) {
  const amd64 = await pushToyImage(registry, repo, `${tag}-amd64`, { os: 'linux', architecture: 'amd64' }, undefined);
  const arm64 = await pushToyImage(registry, repo, `${tag}-arm64`, { os: 'linux', architecture: 'arm64' }, undefined);
  const attestation = await pushAttestationManifest(registry, repo, [
    'https://slsa.dev/provenance/v0.2',
    'https://spdx.dev/Document',
  ]);
  const entry = (m: Pushed) => ({ mediaType: m.mediaType, digest: m.digest, size: m.size });
  const index = {
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: [
      { ...entry(amd64), platform: { architecture: 'amd64', os: 'linux' } },
      { ...entry(arm64), platform: { architecture: 'arm64', os: 'linux' } },
      {
        ...entry(attestation),
        platform: { architecture: 'unknown', os: 'unknown' },
        annotations: {
          'vnd.docker.reference.digest': amd64.digest,
          'vnd.docker.reference.type': 'attestation-manifest',
        },
      },
    ],
  };
  const bytes = Buffer.from(JSON.stringify(index));
  const pushed = await putManifest(registry, repo, tag, bytes, OCI_INDEX);
  return { index: { ...pushed, bytes }, amd64, arm64, attestation };
}
