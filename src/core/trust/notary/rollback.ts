import { NotaryError } from './notary-error';

/** A role's version never decreases against what this client saw before (equal is fine: nothing changed). */
export function verifyNoRollback(role: string, version: number, seen: Record<string, number>): void {
  const floor = seen[role];
  if (floor === undefined || version >= floor) return;
  throw new NotaryError(
    'TUF_ROLLBACK',
    `The server sent version ${version} of ${role} after version ${floor} was seen: an old copy is being replayed.`,
    { role, version, seenVersion: floor },
  );
}
