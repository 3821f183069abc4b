import { OCI_MANIFEST, putBlob } from './referrers-push';
import type { RegistryInfo } from './rig-types';

const SIMPLE_SIGNING = 'application/vnd.dev.cosign.simplesigning.v1+json';
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';

/** The tag cosign keeps the signatures of `digest` under. */
export const signatureTag = (digest: string) => `${digest.replace(':', '-')}.sig`;

/** cosign's simple-signing payload for `digest`, naming `reference` (byte-identical to cosign's Go output). */
export function simpleSigningPayload(reference: string, digest: string): Buffer {
  const critical = {
    identity: { 'docker-reference': reference },
    image: { 'docker-manifest-digest': digest },
    type: 'cosign container image signature',
  };
  return Buffer.from(JSON.stringify({ critical, optional: null }));
}

/**
 * A `.sig` manifest as cosign writes it: one simple-signing layer holding `payload`, annotated with its signature
 * (and certificate, Rekor bundle), and a config listing it; the blobs are uploaded, the manifest bytes returned.
 */
export async function signatureManifest(
  registry: RegistryInfo,
  repo: string,
  payload: Buffer,
  annotations: Record<string, string>,
): Promise<Buffer> {
  const layer = { ...(await putBlob(registry, repo, payload, SIMPLE_SIGNING)), annotations };
  const rootfs = { type: 'layers', diff_ids: [layer.digest] };
  const config = Buffer.from(JSON.stringify({ architecture: '', os: '', rootfs, config: {} }));
  const configBlob = await putBlob(registry, repo, config, OCI_CONFIG);
  return Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: configBlob, layers: [layer] }),
  );
}
