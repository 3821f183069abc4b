/**
 * A platform option (`linux/arm64/v8`) read as containerd's platforms.Parse then Normalize, and turned into the
 * automatic ARGs BuildKit defines from it (TARGETPLATFORM, TARGETOS, TARGETARCH, TARGETVARIANT, TARGETOSVERSION).
 */

const KNOWN_OS = new Set(
  'aix android darwin dragonfly freebsd hurd illumos ios js linux nacl netbsd openbsd plan9 solaris windows zos'.split(
    ' ',
  ),
);
const KNOWN_ARCH = new Set(
  (
    '386 amd64 amd64p32 arm armbe arm64 arm64be ppc64 ppc64le loong64 mips mipsle mips64 mips64le mips64p32 ' +
    'mips64p32le ppc riscv riscv64 s390 s390x sparc sparc64 wasm'
  ).split(' '),
);
const OS_PART = /^([A-Za-z0-9_-]+)(?:\(([A-Za-z0-9_.%-]*)((?:\+[A-Za-z0-9_.%-]+)*)\))?$/;
const PART = /^[A-Za-z0-9_.-]+$/;

export interface Platform {
  os?: string;
  osVersion?: string;
  arch?: string;
  variant?: string;
}

function normalizeOs(os: string): string {
  const lower = os.toLowerCase();
  return lower === 'macos' ? 'darwin' : lower;
}

function normalizeArch(arch: string, variant: string): [string, string] {
  const a = arch.toLowerCase();
  const v = variant.toLowerCase();
  if (a === 'i386') return ['386', ''];
  if (a === 'x86_64' || a === 'x86-64' || a === 'amd64') return ['amd64', v === 'v1' ? '' : v];
  if (a === 'aarch64' || a === 'arm64') {
    if (v === '8' || v === 'v8' || v === 'v8.0') return ['arm64', ''];
    return ['arm64', v === '9' || v === '9.0' || v === 'v9.0' ? 'v9' : v];
  }
  if (a === 'armhf') return ['arm', 'v7'];
  if (a === 'armel') return ['arm', 'v6'];
  if (a === 'arm') return ['arm', v === '' || v === '7' ? 'v7' : ['5', '6', '8'].includes(v) ? 'v' + v : v];
  return [a, v];
}

/** Parses and normalizes; null when containerd would reject it. A lone OS leaves the architecture unknown. */
export function parsePlatform(spec: string): Platform | null {
  if (spec.includes('*')) return null;
  const parts = spec.split('/');
  if (parts.length > 3) return null;
  const os = OS_PART.exec(parts[0] ?? '');
  if (!os || !parts.slice(1).every((part) => PART.test(part))) return null;
  const platform: Platform = { os: normalizeOs(os[1] ?? '') };
  if (os[2]) platform.osVersion = os[2];
  if (parts.length === 1) {
    if (KNOWN_OS.has(platform.os ?? '')) return platform;
    const [arch, variant] = normalizeArch(parts[0] ?? '', '');
    // A lone architecture takes the builder's OS, which a scanner cannot know.
    return KNOWN_ARCH.has(arch) ? { arch, variant } : null;
  }
  const [arch, variant] = normalizeArch(parts[1] ?? '', parts[2] ?? '');
  return { ...platform, arch, variant };
}

/** FormatAll: `os(osversion)/arch/variant` without empty parts. */
export function formatPlatform(platform: Platform): string | undefined {
  if (platform.os === undefined || platform.arch === undefined) return undefined;
  const os = platform.osVersion ? `${platform.os}(${platform.osVersion})` : platform.os;
  return [os, platform.arch, platform.variant].filter((part) => part).join('/');
}

/** The automatic ARGs derived from a platform, prefixed TARGET or BUILD; unknown parts are left out. */
export function platformArgs(prefix: 'TARGET' | 'BUILD', platform: Platform): Map<string, string> {
  const args = new Map<string, string>();
  const formatted = formatPlatform(platform);
  if (formatted !== undefined) args.set(`${prefix}PLATFORM`, formatted);
  if (platform.os !== undefined) {
    args.set(`${prefix}OS`, platform.os);
    args.set(`${prefix}OSVERSION`, platform.osVersion ?? '');
  }
  if (platform.arch !== undefined) {
    args.set(`${prefix}ARCH`, platform.arch);
    args.set(`${prefix}VARIANT`, platform.variant ?? '');
  }
  return args;
}

/** Names BuildKit defines for every build, before any ARG. */
export const AUTOMATIC_PLATFORM_ARGS = [
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDOSVERSION',
  'BUILDARCH',
  'BUILDVARIANT',
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETOSVERSION',
  'TARGETARCH',
  'TARGETVARIANT',
] as const;
