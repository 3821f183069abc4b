import { NOTARY_DEFAULTS } from './defaults';
import type { DelegationRole, SignedFile, SnapshotSigned, TargetsSigned } from './metadata';
import { NotaryError } from './notary-error';
import { fetchTargets, type FetchContext } from './role-fetch';

/** A delegation that verified, with the paths it may actually sign (restricted by its parents). */
export interface VerifiedDelegation {
  role: DelegationRole;
  paths: string[];
  file: SignedFile<TargetsSigned>;
}

export interface DelegationWalk {
  verified: VerifiedDelegation[];
  /** Expired, tampered or missing delegations: skipped (as notary does) but reported. */
  failures: NotaryError[];
}

const NAME = /^targets\/[-a-z0-9_/]+$/;

/** notary's rule: a delegation is a direct child of the role listing it, with a clean, bounded name. */
function validName(name: string, parent: string): boolean {
  const rest = name.slice(parent.length + 1);
  return name.length < 256 && NAME.test(name) && name.startsWith(`${parent}/`) && rest !== '' && !rest.includes('/');
}

/** A child keeps only the paths that fall under one of its parent's (notary's RestrictDelegationPathPrefixes). */
export function restrictPaths(child: string[], parent: string[]): string[] {
  return child.filter((path) => parent.some((prefix) => path.startsWith(prefix)));
}

/**
 * Pre-order walk of the delegation tree listed in the snapshot: each child is fetched by checksum and must be
 * signed by a threshold of the keys its parent lists for it. A failing child is skipped with its subtree.
 */
export async function walkDelegations(
  ctx: FetchContext,
  snapshot: SnapshotSigned,
  targets: SignedFile<TargetsSigned>,
): Promise<DelegationWalk> {
  const walk: DelegationWalk = { verified: [], failures: [] };
  const visit = async (parent: SignedFile<TargetsSigned>, parentPaths: string[]): Promise<void> => {
    for (const role of parent.signed.delegations.roles) {
      if (walk.verified.length + walk.failures.length >= NOTARY_DEFAULTS.maxDelegations) return;
      const meta = snapshot.meta[role.name];
      if (meta === undefined) continue;
      try {
        if (!validName(role.name, parent.role)) {
          throw new NotaryError('TUF_DELEGATION_INVALID', `${role.name} is not a valid child of ${parent.role}.`, {
            role: role.name,
          });
        }
        const file = await fetchTargets(ctx, role.name, meta, parent.signed.delegations.keys, role);
        const paths = restrictPaths(role.paths, parentPaths);
        walk.verified.push({ role, paths, file });
        await visit(file, paths);
      } catch (error) {
        if (!(error instanceof NotaryError)) throw error;
        walk.failures.push(error);
      }
    }
  };
  await visit(targets, ['']);
  return walk;
}
