import { CoreError } from '../core/errors';
import { FINDING_CODES, type Finding } from '../core/policy';
import { pinWorkspace, type PinOutcome } from '../core/pin/pin-workspace';
import type { ImageRef } from '../core/scan/image-ref';
import { nodeFileSystem } from '../node/node-file-system';
import type { CheckRun } from './check-pipeline';

/** A reference is pinned only when nothing but being unpinned is an error about it. */
function blocking(findings: readonly Finding[], ref: ImageRef): Finding | undefined {
  return findings.find(
    (f) => f.ref === ref && !f.suppressed && f.severity === 'error' && f.code !== FINDING_CODES.unpinned,
  );
}

/**
 * Verify-then-pin: writes exactly the digest this run resolved and verified for each unpinned reference, never a
 * fresh answer (the tag may have moved since). References with other errors are refused, with the first of them.
 */
export async function pinVerified(run: CheckRun): Promise<PinOutcome> {
  const digestFor = async (ref: ImageRef) => {
    const reason = blocking(run.findings, ref);
    if (reason) throw new CoreError('PIN_NOT_VERIFIED', `not pinned: ${reason.message} [${reason.code}]`);
    const used = run.resolved.usedOf(ref);
    if (!used) throw new CoreError('PIN_NOT_VERIFIED', 'not pinned: the reference was not resolved');
    return { digest: used.digest };
  };
  return pinWorkspace(nodeFileSystem, run.scan.references, digestFor, { update: false, write: true });
}

/** The findings left once the pins are written: an unpinned reference that was pinned is no longer one. */
export function afterPinning(findings: readonly Finding[], outcome: PinOutcome): Finding[] {
  const pinned = new Set(outcome.plans.filter((plan) => plan.kind === 'edit').map((plan) => plan.ref));
  const failed = new Set(outcome.files.filter((file) => file.error).map((file) => file.path));
  return findings.filter(
    (f) => !(f.code === FINDING_CODES.unpinned && pinned.has(f.ref) && !failed.has(f.fix?.file ?? f.ref.file)),
  );
}
