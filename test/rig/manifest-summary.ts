import { sha256Digest, type Platform } from './oci-layout';
import type { PlatformManifest } from './rig-types';

interface ManifestDocument {
  mediaType?: string;
  manifests?: { mediaType: string; digest: string; size: number; platform: Platform }[];
}

export interface ManifestSummary {
  digest: string;
  mediaType: string;
  size: number;
  platforms: PlatformManifest[];
}

/**
 * Summarizes manifest bytes as pushed. An index lists its children's platforms; a single manifest does not name
 * its platform, so the caller passes it.
 */
export function summarizeManifest(bytes: Buffer, platform: Platform | undefined): ManifestSummary {
  const document = JSON.parse(bytes.toString('utf8')) as ManifestDocument;
  const self = { digest: sha256Digest(bytes), mediaType: document.mediaType ?? '', size: bytes.length };
  if (document.manifests !== undefined) {
    const platforms = document.manifests.map(({ platform: p, digest, mediaType, size }) => ({
      platform: p,
      digest,
      mediaType,
      size,
    }));
    return { ...self, platforms };
  }
  return { ...self, platforms: platform === undefined ? [] : [{ platform, ...self }] };
}
