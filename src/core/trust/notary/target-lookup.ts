import type { FileMeta } from './metadata';
import type { TrustedRepo } from './update-trust';

export interface TargetLookup {
  target?: FoundTarget;
  signers: string[];
}

/** A target found for a tag: which role signed it, and what it says the manifest is. */
export interface FoundTarget {
  name: string;
  role: string;
  /** `sha256:<hex>` from the base64 hash. */
  digest: string;
  size: number;
}

interface Candidate {
  role: string;
  paths: string[];
  targets: Record<string, FileMeta>;
}

// Docker's order: targets/releases, then the other delegations (in walk order), then the top-level targets.
function candidates(repo: TrustedRepo): Candidate[] {
  const delegated = repo.delegations.verified.map((d) => ({
    role: d.role.name,
    paths: d.paths,
    targets: d.file.signed.targets,
  }));
  const releases = delegated.filter((c) => c.role === 'targets/releases');
  const others = delegated.filter((c) => c.role !== 'targets/releases');
  return [...releases, ...others, { role: 'targets', paths: [''], targets: repo.targets.signed.targets }];
}

function entryFor(candidate: Candidate, name: string): FileMeta | undefined {
  if (!candidate.paths.some((prefix) => name.startsWith(prefix))) return undefined;
  return Object.hasOwn(candidate.targets, name) ? candidate.targets[name] : undefined;
}

function toFound(name: string, role: string, meta: FileMeta): FoundTarget | undefined {
  const b64 = meta.hashes.sha256;
  if (b64 === undefined) return undefined;
  return { name, role, digest: `sha256:${Buffer.from(b64, 'base64').toString('hex')}`, size: meta.length };
}

/**
 * The target for a tag as Docker looks it up, and every role that signs the same digest for that tag (the
 * signers `docker trust inspect` lists). Delegations only count for names under their paths.
 */
export function lookupTarget(repo: TrustedRepo, name: string): TargetLookup {
  const found = candidates(repo).flatMap((candidate) => {
    const meta = entryFor(candidate, name);
    const target = meta === undefined ? undefined : toFound(name, candidate.role, meta);
    return target === undefined ? [] : [target];
  });
  return withSigners(found);
}

/** For a reference without a tag: every signed name whose digest is this one, in the same role order. */
export function lookupDigest(repo: TrustedRepo, digest: string): TargetLookup {
  const found = candidates(repo).flatMap((candidate) =>
    Object.keys(candidate.targets).flatMap((name) => {
      const meta = entryFor(candidate, name);
      const target = meta === undefined ? undefined : toFound(name, candidate.role, meta);
      return target?.digest === digest ? [target] : [];
    }),
  );
  return withSigners(found);
}

function withSigners(found: FoundTarget[]): TargetLookup {
  const target = found[0];
  if (target === undefined) return { signers: [] };
  const same = found.filter((t) => t.digest === target.digest && t.size === target.size);
  return { target, signers: [...new Set(same.map((t) => t.role))] };
}
