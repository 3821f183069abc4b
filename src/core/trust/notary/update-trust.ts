import type { NotaryOptions } from './defaults';
import { walkDelegations, type DelegationWalk } from './delegations';
import { verifyFileMeta } from './file-meta';
import type { RootSigned, SignedFile, SnapshotSigned, TargetsSigned, TimestampSigned } from './metadata';
import { NotaryError } from './notary-error';
import { parseSignedFile } from './parse-metadata';
import type { MetadataSource, TrustStore } from './ports';
import { fetchChild, fetchTargets, verifyRole, type FetchContext } from './role-fetch';
import { verifyRoot, type RootPin } from './root-chain';

/** Everything that verified in one update of one GUN. */
export interface TrustedRepo {
  gun: string;
  root: SignedFile<RootSigned>;
  rootPin: RootPin;
  timestamp: SignedFile<TimestampSigned>;
  snapshot: SignedFile<SnapshotSigned>;
  targets: SignedFile<TargetsSigned>;
  delegations: DelegationWalk;
}

export interface UpdateDeps {
  source: MetadataSource;
  store: TrustStore;
  /** Read once per operation; every expiry check takes it. */
  referenceTime: number;
  options: NotaryOptions;
  signal?: AbortSignal;
}

async function fetchTop(ctx: FetchContext, role: 'root' | 'timestamp', maxBytes: number): Promise<Uint8Array> {
  const bytes = await ctx.source.fetch({ role, maxBytes, signal: ctx.signal });
  if (bytes !== undefined) return bytes;
  const code = role === 'root' ? 'DCT_NO_TRUST_DATA' : 'TUF_UNAVAILABLE';
  throw new NotaryError(code, `The notary server has no ${role} trust data for ${ctx.gun}.`, { gun: ctx.gun, role });
}

function settled<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}

async function saveRecord(deps: UpdateDeps, repo: TrustedRepo): Promise<void> {
  const files = [
    repo.root,
    repo.timestamp,
    repo.snapshot,
    repo.targets,
    ...repo.delegations.verified.map((d) => d.file),
  ];
  const versions = Object.fromEntries(files.map((file) => [file.role, file.signed.version]));
  await deps.store.save(repo.gun, { root: repo.root.bytes, versions });
}

/**
 * One update in notary's order: root (TOFU or chained from the pin), timestamp → snapshot → targets →
 * delegations, each checked against its parent's hashes and length, its role's keys and threshold, the
 * versions seen before and its expiry. The store is written only when all base roles verified.
 */
export async function updateTrust(gun: string, deps: UpdateDeps): Promise<TrustedRepo> {
  const record = await deps.store.load(gun);
  const seen = record?.versions ?? {};
  const ctx: FetchContext = { gun, source: deps.source, referenceTime: deps.referenceTime, seen, signal: deps.signal };
  const trusted = record === undefined ? undefined : parseSignedFile('root', record.root, 'Root');
  // Both are fetched at once (one round trip less); the root is still verified before the timestamp is read.
  const [rootResult, timestampResult] = await Promise.allSettled([
    fetchTop(ctx, 'root', deps.options.maxRootBytes),
    fetchTop(ctx, 'timestamp', deps.options.maxTimestampBytes),
  ]);
  const root = parseSignedFile('root', settled(rootResult), 'Root');
  const rootCtx = { ...ctx, maxRootBytes: deps.options.maxRootBytes };
  const rootPin = await verifyRoot(rootCtx, root, trusted, seen);
  const { keys, roles } = root.signed;

  const timestamp = parseSignedFile('timestamp', settled(timestampResult), 'Timestamp');
  verifyRole(ctx, timestamp, roles.timestamp, keys);

  const snapshotMeta = timestamp.signed.meta.snapshot;
  const snapshot = parseSignedFile('snapshot', await fetchChild(ctx, 'snapshot', snapshotMeta), 'Snapshot');
  verifyRole(ctx, snapshot, roles.snapshot, keys);
  const rootMeta = snapshot.signed.meta.root;
  if (rootMeta !== undefined) verifyFileMeta('root', root.bytes, rootMeta);

  const targetsMeta = snapshot.signed.meta.targets;
  if (targetsMeta === undefined) {
    throw new NotaryError('TUF_MISSING_META', 'The snapshot does not list the targets role.', {
      gun,
      role: 'snapshot',
    });
  }
  const targets = await fetchTargets(ctx, 'targets', targetsMeta, keys, roles.targets);
  const delegations = await walkDelegations(ctx, snapshot.signed, targets);
  const repo: TrustedRepo = { gun, root, rootPin, timestamp, snapshot, targets, delegations };
  await saveRecord(deps, repo);
  return repo;
}
