import { parseDigest } from './digest';
import { manifestKind, type ManifestKind } from './media-types';
import { RegistryError } from './registry-error';

export interface PlatformManifest {
  os: string;
  architecture: string;
  variant?: string;
  digest: string;
  mediaType: string;
  size: number;
}

export interface ParsedManifest {
  mediaType: string;
  kind: ManifestKind;
  /** For an index: its children that declare a platform (attestations and artifacts without one are left out). */
  platforms: PlatformManifest[];
}

/**
 * Reads the verified bytes of a manifest. The media type comes from the document when it has one (the bytes
 * are verified, the header is not), else from Content-Type; an unknown type is reported, not guessed.
 */
export function parseManifest(bytes: Uint8Array, contentType: string | undefined, registry: string): ParsedManifest {
  const doc = parseJsonObject(bytes, registry);
  const mediaType = typeof doc.mediaType === 'string' ? doc.mediaType : contentType;
  const kind = mediaType === undefined ? undefined : manifestKind(mediaType);
  if (mediaType === undefined || kind === undefined) {
    const message = `${registry} sent a manifest of type ${mediaType ?? '(none)'}, which is not an OCI or Docker v2 manifest or index.`;
    throw new RegistryError('REGISTRY_UNKNOWN_MEDIA_TYPE', message, {
      registry,
      ...(mediaType ? { actual: mediaType } : {}),
    });
  }
  if (kind === 'manifest') return { mediaType, kind, platforms: [] };
  if (!Array.isArray(doc.manifests)) throw invalid(registry, 'an index without a manifests list');
  return { mediaType, kind, platforms: doc.manifests.flatMap((entry: unknown) => toPlatform(entry, registry)) };
}

function toPlatform(entry: unknown, registry: string): PlatformManifest[] {
  if (typeof entry !== 'object' || entry === null) throw invalid(registry, 'an index entry that is not an object');
  const { mediaType, digest, size, platform } = entry as Record<string, unknown>;
  if (typeof mediaType !== 'string' || typeof digest !== 'string' || parseDigest(digest) === undefined) {
    throw invalid(registry, 'an index entry without a valid media type and digest');
  }
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
    throw invalid(registry, 'an index entry without a valid size');
  }
  if (typeof platform !== 'object' || platform === null) return [];
  const { os, architecture, variant } = platform as Record<string, unknown>;
  if (typeof os !== 'string' || typeof architecture !== 'string') return [];
  return [{ os, architecture, ...(typeof variant === 'string' ? { variant } : {}), digest, mediaType, size }];
}

function parseJsonObject(bytes: Uint8Array, registry: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new RegistryError(
      'REGISTRY_INVALID_MANIFEST',
      `${registry} sent a manifest that is not JSON.`,
      { registry },
      error,
    );
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw invalid(registry, 'a manifest that is not an object');
  return doc as Record<string, unknown>;
}

function invalid(registry: string, what: string): RegistryError {
  return new RegistryError('REGISTRY_INVALID_MANIFEST', `${registry} sent ${what}.`, { registry });
}
