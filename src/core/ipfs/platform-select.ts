import { configPlatform } from '../registry/image-config';
import { parseJsonDocument, type Descriptor } from './descriptor';
import { IpfsError } from './ipfs-error';

export interface PlatformWanted {
  os: string;
  architecture: string;
  variant?: string;
}

/** `os/arch[/variant]` → the platform, or `undefined` for text of another shape. */
export function parsePlatformText(text: string): PlatformWanted | undefined {
  const [os, architecture, variant, extra] = text.split('/');
  if (!os || !architecture || extra !== undefined || variant === '') return undefined;
  return { os, architecture, ...(variant === undefined ? {} : { variant }) };
}

/** The one matching rule, for an index entry and a lone manifest's config alike: a variant counts only when asked. */
export function matchesPlatform(platform: PlatformWanted | undefined, wanted: PlatformWanted): boolean {
  return (
    platform?.os === wanted.os &&
    platform.architecture === wanted.architecture &&
    (wanted.variant === undefined || platform.variant === wanted.variant)
  );
}

/** The index entries for `wanted` (a variant, when given, must match too); IPFS_PLATFORM_NOT_FOUND if none. */
export function selectPlatform(manifests: Descriptor[], wanted: PlatformWanted): Descriptor[] {
  const matching = manifests.filter((m) => matchesPlatform(m.platform, wanted));
  if (matching.length > 0) return matching.slice(0, 1);
  const offered = manifests.flatMap((m) => (m.platform ? [platformText(m.platform)] : [])).join(', ');
  const message = `The image has no ${platformText(wanted)} manifest (it offers ${offered || 'none'}).`;
  throw new IpfsError('IPFS_PLATFORM_NOT_FOUND', message, { expected: platformText(wanted), actual: offered });
}

/**
 * A lone manifest has no index entry naming its platform; its verified config does. IPFS_PLATFORM_NOT_FOUND
 * unless that is `wanted` (as Docker refuses an image "found but its platform does not match").
 */
export function verifyConfigPlatform(config: Descriptor, bytes: Uint8Array, wanted: PlatformWanted): void {
  const expected = platformText(wanted);
  const found = configPlatform(parseJsonDocument(bytes, `the config ${config.digest}`));
  if (found === undefined) {
    const message = `The image is a single manifest whose config ${config.digest} names no os and architecture, so it cannot be taken for ${expected}.`;
    throw new IpfsError('IPFS_PLATFORM_NOT_FOUND', message, { digest: config.digest, expected });
  }
  if (matchesPlatform(found, wanted)) return;
  const actual = platformText(found);
  const message = `The image is a single manifest for ${actual}, not ${expected} (there is no index of platforms to choose from).`;
  throw new IpfsError('IPFS_PLATFORM_NOT_FOUND', message, { digest: config.digest, expected, actual });
}

export function platformText(p: PlatformWanted): string {
  return [p.os, p.architecture, ...(p.variant ? [p.variant] : [])].join('/');
}
