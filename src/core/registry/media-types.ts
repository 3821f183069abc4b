export const MEDIA_TYPES = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
} as const;

/**
 * All four, always: registry 2.8 answers 404 for OCI content it may not send, converts a docker v2 manifest to
 * schema 1 (another digest) and flattens a docker list to linux/amd64 when its type is missing (RIG-NOTES §5).
 */
export const MANIFEST_ACCEPT = [
  MEDIA_TYPES.ociIndex,
  MEDIA_TYPES.ociManifest,
  MEDIA_TYPES.dockerList,
  MEDIA_TYPES.dockerManifest,
].join(', ');

export type ManifestKind = 'index' | 'manifest';

/** The kind of a manifest media type, or `undefined` for anything else (schema 1 included): never guessed. */
export function manifestKind(mediaType: string): ManifestKind | undefined {
  switch (mediaType) {
    case MEDIA_TYPES.ociIndex:
    case MEDIA_TYPES.dockerList:
      return 'index';
    case MEDIA_TYPES.ociManifest:
    case MEDIA_TYPES.dockerManifest:
      return 'manifest';
    default:
      return undefined;
  }
}

/** `Content-Type` without parameters, lower case. */
export function bareMediaType(contentType: string | undefined): string | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type === '' ? undefined : type;
}
