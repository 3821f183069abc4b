import type { Descriptor } from './descriptor';
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

/** The index entries for `wanted` (a variant, when given, must match too); IPFS_PLATFORM_NOT_FOUND if none. */
export function selectPlatform(manifests: Descriptor[], wanted: PlatformWanted): Descriptor[] {
  const matching = manifests.filter(
    (m) =>
      m.platform?.os === wanted.os &&
      m.platform.architecture === wanted.architecture &&
      (wanted.variant === undefined || m.platform.variant === wanted.variant),
  );
  if (matching.length > 0) return matching.slice(0, 1);
  const offered = manifests.flatMap((m) => (m.platform ? [platformText(m.platform)] : [])).join(', ');
  const message = `The image has no ${platformText(wanted)} manifest (it offers ${offered || 'none'}).`;
  throw new IpfsError('IPFS_PLATFORM_NOT_FOUND', message, { expected: platformText(wanted), actual: offered });
}

export function platformText(p: PlatformWanted): string {
  return [p.os, p.architecture, ...(p.variant ? [p.variant] : [])].join('/');
}
