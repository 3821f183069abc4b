import { CoreError } from '../core/errors';
import { parseNormalizedNamed, referenceString, withDefaultTag } from '../core/reference';
import type { Resolution } from '../core/registry/client-types';
import type { PlatformManifest } from '../core/registry/manifest';
import type { RateLimit } from '../core/registry/rate-limit';
import { EXIT, UsageError, type CliIo } from './cli-io';
import type { Command } from './commands';
import { parseOutputFormat } from './output-format';
import { parsePlatform, platformMatches, platformString, type PlatformFilter } from './platform-filter';
import { parseCommandArgs } from './scan-flags';
import { REGISTRY_FLAGS, REGISTRY_FLAGS_USAGE, registryClientFor } from './registry-flags';

const usage = `Usage: image-trust resolve REF... [options]

Resolves each image reference to the digest its tag points at now, verified against the bytes the registry
served, with each platform's manifest digest for a multi-platform image. Uses your Docker credentials.
A single-platform manifest's digest is the registry's answer to a HEAD (one request, no pull counted by Docker
Hub) unless --verify; an index is always fetched and verified. 'pin' always verifies.

Options:
  --platform OS/ARCH[/VARIANT]      show only this platform (an error when the image does not have it)
  --verify                          fetch every manifest and check its digest against the bytes
  --format text|json                output format (default: text)
${REGISTRY_FLAGS_USAGE}

Exit status: 0 when every reference resolved, 3 when any failed, 2 on a usage error.
`;

interface ResolveRow {
  input: string;
  reference: string | null;
  digest: string | null;
  mediaType: string | null;
  size: number | null;
  platforms: { os: string; architecture: string; variant: string | null; digest: string }[];
  /** False when the digest is the registry's header for bytes not fetched (no --verify). */
  verified: boolean | null;
  rateLimit: RateLimit | null;
  error: string | null;
  code: string | null;
}

function failure(input: string, reference: string | null, error: unknown): ResolveRow {
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof CoreError ? error.code : null;
  const empty = { digest: null, mediaType: null, size: null, platforms: [], verified: null, rateLimit: null };
  return { input, reference, ...empty, error: message, code };
}

function toRow(input: string, resolution: Resolution, platform: PlatformFilter | undefined): ResolveRow {
  const reference = referenceString(resolution.reference);
  const platforms = resolution.platforms.filter((p: PlatformManifest) => !platform || platformMatches(p, platform));
  if (platform && resolution.platforms.length > 0 && platforms.length === 0) {
    const offered = resolution.platforms.map(platformString).join(', ');
    return failure(
      input,
      reference,
      new CoreError('PLATFORM_NOT_FOUND', `no ${platformString(platform)} manifest (offers ${offered})`),
    );
  }
  return {
    input,
    reference,
    digest: resolution.digest,
    mediaType: resolution.mediaType,
    size: resolution.size,
    platforms: platforms.map((p) => ({
      os: p.os,
      architecture: p.architecture,
      variant: p.variant ?? null,
      digest: p.digest,
    })),
    verified: resolution.headerOnly !== true,
    rateLimit: resolution.rateLimit ?? null,
    error: null,
    code: null,
  };
}

function textRow(row: ResolveRow): string {
  if (row.error !== null) return `${row.input}\n  error: ${row.error}${row.code ? ` [${row.code}]` : ''}\n`;
  const unverified = row.verified ? '' : "  (the registry's header; --verify checks the bytes)";
  const lines = [`${row.reference ?? row.input}`, `  digest     ${row.digest}${unverified}`];
  lines.push(`  mediaType  ${row.mediaType}`);
  const limit = row.rateLimit;
  const window = limit?.windowSeconds ? ` per ${limit.windowSeconds} s` : '';
  if (limit) lines.push(`  rate limit ${limit.remaining} of ${limit.limit} left${window}`);
  for (const p of row.platforms) {
    lines.push(
      `  ${platformString({ os: p.os, architecture: p.architecture, variant: p.variant ?? undefined }).padEnd(18)} ${p.digest}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, {
    ...REGISTRY_FLAGS,
    format: { type: 'string' },
    platform: { type: 'string' },
    verify: { type: 'boolean' },
  });
  const trustDigestHeader = parsed.values.verify !== true;
  const format = parseOutputFormat(parsed.values.format);
  const platform = parsed.values.platform === undefined ? undefined : parsePlatform(parsed.values.platform);
  if (parsed.positionals.length === 0) throw new UsageError('name at least one image reference');
  const { client, close } = registryClientFor(parsed.values, io);
  try {
    const rows = await Promise.all(
      parsed.positionals.map(async (input): Promise<ResolveRow> => {
        const ref = parseNormalizedNamed(input);
        if (!ref.ok) return failure(input, null, ref.error);
        try {
          return toRow(input, await client.resolve(withDefaultTag(ref.value), { trustDigestHeader }), platform);
        } catch (error) {
          return failure(input, referenceString(withDefaultTag(ref.value)), error);
        }
      }),
    );
    io.stdout(format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : rows.map(textRow).join('\n'));
    return rows.some((row) => row.error !== null) ? EXIT.incomplete : EXIT.ok;
  } finally {
    close();
  }
}

export const resolveCommand: Command = { name: 'resolve', summary: 'resolve tags to verified digests', usage, run };
