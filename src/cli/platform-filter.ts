import { UsageError } from './cli-io';

export interface PlatformFilter {
  os: string;
  architecture: string;
  variant?: string | undefined;
}

/** `os/arch[/variant]`, as `docker --platform` takes it. */
export function parsePlatform(value: string): PlatformFilter {
  const [os, architecture, variant, extra] = value.split('/');
  if (!os || !architecture || extra !== undefined || variant === '') {
    throw new UsageError(`--platform must be os/arch[/variant], not '${value}'`);
  }
  return variant === undefined ? { os, architecture } : { os, architecture, variant };
}

/** A filter without a variant matches every variant; one with a variant matches only it. */
export function platformMatches(platform: PlatformFilter, filter: PlatformFilter): boolean {
  return (
    platform.os === filter.os &&
    platform.architecture === filter.architecture &&
    (filter.variant === undefined || platform.variant === filter.variant)
  );
}

export function platformString(platform: PlatformFilter): string {
  return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
}
