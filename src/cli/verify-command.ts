import { homedir } from 'node:os';
import { CoreError } from '../core/errors';
import { parseNormalizedNamed, referenceString, withDefaultTag } from '../core/reference';
import type { RegistryClient } from '../core/registry/client-types';
import type { DctResult, MetadataSource } from '../core/trust/notary';
import { DOCKER_HUB_RETIREMENT, verifyResolutionDct, type ResolutionDctDeps } from '../core/trust/notary';
import { verifyResolutionCosign, type CosignEvidence, type SigstoreTrust } from '../core/trust/sigstore';
import { createDiskTrustStore, defaultTrustRoot } from '../node/notary-trust-store';
import { systemClock } from '../node/system-clock';
import { EXIT, UsageError, type CliIo } from './cli-io';
import type { Command } from './commands';
import { parseOutputFormat } from './output-format';
import { REGISTRY_FLAGS, REGISTRY_FLAGS_USAGE, registryClientFor } from './registry-flags';
import { parseCommandArgs } from './scan-flags';
import { defaultTrustedRoot } from './trust-root-default';
import { COSIGN_FLAGS, COSIGN_FLAGS_USAGE, cosignTrustFromFlags } from './verify-cosign-flags';
import { verifyText } from './verify-report';

const usage = `Usage: image-trust verify REF... [options]

Resolves each image reference to its digest, then verifies Docker Content Trust (Notary v1) for that digest:
whether the publisher's trust data signs it, by which roles, whether the data is intact and current, and
when each piece of it expires. The first root seen for a repository is pinned under $XDG_CACHE_HOME.
With --key or --certificate-identity, cosign signatures of the digest and of each platform manifest are
verified too: sha256-<hex>.sig tags (with their Rekor SETs and Fulcio certificates) and Sigstore bundles
stored as OCI 1.1 referrers (cosign v3), checked offline against a trusted root; attached attestations
(BuildKit provenance and SBOMs, referrers) are listed.

Options:
${COSIGN_FLAGS_USAGE}
  --notary-server URL               the notary server (default: DOCKER_CONTENT_TRUST_SERVER, else the registry)
  --expiry-window DAYS              warn when signed data expires within DAYS (default: 30)
  --format text|json                output format (default: text)
${REGISTRY_FLAGS_USAGE}

Exit status: 0 when every digest is signed and its trust data is sound, 1 when any is not, 3 when a
reference could not be resolved, 2 on a usage error. With --key or --certificate-identity, a digest passes
when a given key or identity verifies its cosign signature and its Docker Content Trust data, if it has any,
is sound.
`;

/** One JSON row per reference; `dct` is null when the digest could not be resolved, `cosign` also without a key or identity. */
export interface VerifyRow {
  input: string;
  reference: string | null;
  digest: string | null;
  dct: DctResult | null;
  cosign: CosignEvidence | null;
  error: { code: string | null; message: string } | null;
}

function parseWindow(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 0)
    throw new UsageError(`--expiry-window must be a whole number of days, not '${value}'`);
  return days;
}

function failed(input: string, reference: string | null, error: unknown): VerifyRow {
  const message = error instanceof Error ? error.message : String(error);
  return {
    input,
    reference,
    digest: null,
    dct: null,
    cosign: null,
    error: { code: error instanceof CoreError ? error.code : null, message },
  };
}

async function verifyOne(
  input: string,
  client: RegistryClient,
  deps: ResolutionDctDeps,
  trust: SigstoreTrust | undefined,
): Promise<VerifyRow> {
  const parsed = parseNormalizedNamed(input);
  if (!parsed.ok) return failed(input, null, parsed.error);
  const ref = withDefaultTag(parsed.value);
  try {
    const resolution = await client.resolve(ref);
    const [dct, cosign] = await Promise.all([
      verifyResolutionDct(resolution, deps),
      trust === undefined ? null : verifyResolutionCosign(resolution, { client, keys: trust.keys, trust }),
    ]);
    return { input, reference: referenceString(ref), digest: resolution.digest, dct, cosign, error: null };
  } catch (error) {
    return failed(input, referenceString(ref), error);
  }
}

// With keys, an image signed with cosign alone passes (most are): only absent DCT data is forgiven, never broken data.
const DCT_ABSENT = new Set(['DCT_NO_TRUST_DATA', 'DCT_NOT_SIGNED', DOCKER_HUB_RETIREMENT.code]);

function passes(row: VerifyRow): boolean {
  const dct = row.dct;
  if (dct === null) return false;
  const dctSound = dct.signed && dct.failures.length === 0;
  if (row.cosign === null) return dctSound;
  const dctAbsent = dct.codes.every((code) => DCT_ABSENT.has(code));
  return row.cosign.verified && row.cosign.failures.length === 0 && (dctSound || dctAbsent);
}

function exitStatus(rows: VerifyRow[]): number {
  if (rows.some((row) => row.dct === null)) return EXIT.incomplete;
  return rows.every(passes) ? EXIT.ok : EXIT.findings;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, {
    ...REGISTRY_FLAGS,
    format: { type: 'string' },
    'notary-server': { type: 'string' },
    'expiry-window': { type: 'string' },
    ...COSIGN_FLAGS,
  });
  const format = parseOutputFormat(parsed.values.format);
  const expiryWarningDays = parseWindow(parsed.values['expiry-window']);
  if (parsed.positionals.length === 0) throw new UsageError('name at least one image reference');
  const trust = cosignTrustFromFlags(parsed.values, io.cwd, () => defaultTrustedRoot(io));
  // A custom CA list replaces Node's store, which would drop NODE_EXTRA_CA_CERTS: name it explicitly.
  const extraCa = io.env.NODE_EXTRA_CA_CERTS ? [io.env.NODE_EXTRA_CA_CERTS] : [];
  const caFiles = [...(parsed.values['ca-file'] ?? []), ...extraCa];
  const { client, close, transport, credentials } = registryClientFor({ ...parsed.values, 'ca-file': caFiles }, io);
  const environment = io.env.DOCKER_CONTENT_TRUST_SERVER;
  const explicit = parsed.values['notary-server'];
  const deps: ResolutionDctDeps = {
    transport,
    clock: systemClock,
    credentials,
    store: createDiskTrustStore(defaultTrustRoot(io.env, io.env.HOME ?? homedir())),
    servers: { ...(explicit ? { explicit } : {}), ...(environment ? { environment } : {}) },
    options: expiryWarningDays === undefined ? {} : { expiryWarningDays },
    referenceTime: systemClock.now(),
    sources: new Map<string, MetadataSource>(),
    updates: new Map(),
  };
  try {
    const rows = await Promise.all(parsed.positionals.map((input) => verifyOne(input, client, deps, trust)));
    io.stdout(format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : rows.map(verifyText).join('\n'));
    return exitStatus(rows);
  } finally {
    close();
  }
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'verify Docker Content Trust and cosign/Sigstore signatures (with --key or --certificate-identity)',
  usage,
  run,
};
