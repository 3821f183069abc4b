import { createHash } from 'node:crypto';

/** The names cosign may write as `docker-reference` for a repository: as given, and Docker Hub's API host. */
function referenceNames(repository: string): string[] {
  const hub = /^docker\.io\/(.+)$/.exec(repository)?.[1];
  return hub === undefined ? [repository] : [repository, `index.docker.io/${hub}`];
}

/**
 * cosign's simple-signing payload for an image signed without annotations is a function of the repository and
 * the digest (byte-exact Go output, SIGNATURE-NOTES §8.1). When the layer's digest and size name exactly those
 * bytes, they are the payload (content addressing), so the blob need not be fetched; `undefined` otherwise.
 */
export function knownPayload(
  layer: { digest: string; size: number },
  repository: string,
  digest: string,
): Uint8Array | undefined {
  for (const reference of referenceNames(repository)) {
    const critical = {
      identity: { 'docker-reference': reference },
      image: { 'docker-manifest-digest': digest },
      type: 'cosign container image signature',
    };
    const bytes = Buffer.from(JSON.stringify({ critical, optional: null }));
    if (bytes.length !== layer.size) continue;
    if (`sha256:${createHash('sha256').update(bytes).digest('hex')}` === layer.digest) return bytes;
  }
  return undefined;
}
