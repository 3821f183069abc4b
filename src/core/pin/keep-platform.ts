import type { ImagePlatform } from '../registry/image-config';
import type { PlatformManifest } from '../registry/manifest';
import { manifestKind } from '../registry/media-types';
import { PinError } from './text-edit';

/** What a tag resolved to, as far as choosing a digest goes. */
export interface ResolvedTag {
  digest: string;
  mediaType: string;
  platforms: readonly PlatformManifest[];
}

/** The digest written now; `platform` is set when it is a single-platform manifest (from its config). */
export interface ExistingPin {
  digest: string;
  platform?: ImagePlatform;
}

/** The digest to write; `singlePlatform` when it is one platform's manifest rather than the index. */
export interface PinTarget {
  digest: string;
  singlePlatform?: ImagePlatform;
}

// An omitted variant means the architecture's usual one, as containerd's platforms.Normalize has it.
const DEFAULT_VARIANTS: Readonly<Record<string, string>> = { arm64: 'v8', arm: 'v7', amd64: 'v1' };

function samePlatform(a: ImagePlatform, b: ImagePlatform): boolean {
  const variant = (p: ImagePlatform) => p.variant ?? DEFAULT_VARIANTS[p.architecture];
  return a.os === b.os && a.architecture === b.architecture && variant(a) === variant(b);
}

function platformOf(child: PlatformManifest): ImagePlatform {
  const { os, architecture, variant } = child;
  return variant === undefined ? { os, architecture } : { os, architecture, variant };
}

const isIndex = (tag: ResolvedTag) => tag.platforms.length > 0 || manifestKind(tag.mediaType) === 'index';

/**
 * Whether the existing pin's platform must be read before choosing: only when the tag is now an index that
 * neither is the pin nor lists it as a child (those are decided from the index alone).
 */
export function needsPinnedPlatform(tag: ResolvedTag, existing: string | undefined): existing is string {
  return (
    existing !== undefined &&
    isIndex(tag) &&
    existing !== tag.digest &&
    !tag.platforms.some((child) => child.digest === existing)
  );
}

/**
 * Chooses the digest to pin. By default the tag's digest (the index for a multi-platform image). An existing
 * pin to a single-platform manifest keeps its platform when the tag is an index: a child of the index stays, and
 * otherwise the index's child for the same os, architecture and variant is pinned. An index without that
 * platform is PIN_PLATFORM_GONE: pinning the whole index would silently change what the build runs.
 */
export function keepPlatform(tag: ResolvedTag, existing?: ExistingPin): PinTarget {
  if (existing === undefined || !isIndex(tag)) return { digest: tag.digest };
  const child = tag.platforms.find((entry) => entry.digest === existing.digest);
  if (child) return { digest: child.digest, singlePlatform: platformOf(child) };
  if (existing.platform === undefined) return { digest: tag.digest };
  const wanted = existing.platform;
  const match = tag.platforms.find((entry) => samePlatform(entry, wanted));
  if (match) return { digest: match.digest, singlePlatform: platformOf(match) };
  const name = [wanted.os, wanted.architecture, wanted.variant].filter(Boolean).join('/');
  throw new PinError(
    'PIN_PLATFORM_GONE',
    `the tag is now an index without ${name}, the platform of the single-platform pin: pin another platform by hand, or remove the digest to pin the index`,
  );
}
