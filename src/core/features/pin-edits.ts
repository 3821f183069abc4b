import type { CoreError } from '../errors';
import { planPin, type PinPlan } from '../pin/plan-pin';
import type { TextEdit } from '../pin/text-edit';
import type { ImageRef } from '../scan/image-ref';
import type { PinTargetOf } from './pin-targets';

/** An edit in a named file (a pin may be written into an ARG default or a `.env` value elsewhere). */
export interface FileTextEdit extends TextEdit {
  file: string;
}

export interface PinEdits {
  edits: FileTextEdit[];
  /** References that cannot be pinned where they are written, with planPin's reason. */
  refused: Extract<PinPlan, { kind: 'not-pinnable' }>[];
  /** References whose tag is not resolved (yet, or it failed): nothing to write for them. */
  unresolved: ImageRef[];
  /** References whose digest could not be chosen (PIN_PLATFORM_GONE: the pinned platform left the index). */
  failures: { ref: ImageRef; error: CoreError }[];
}

/**
 * Plans the pins of `targets` from the digests fetchPinTargets chose (the digest was verified when it was
 * resolved). With `update`, a written digest is replaced when the chosen one differs; a single-platform pin
 * whose manifest is still in the index stays as it is.
 */
export function planPinEdits(
  targets: readonly ImageRef[],
  all: readonly ImageRef[],
  targetOf: PinTargetOf,
  update: boolean,
): PinEdits {
  const result: PinEdits = { edits: [], refused: [], unresolved: [], failures: [] };
  const seen = new Set<string>();
  for (const ref of targets) {
    if (ref.reference?.tag === undefined) continue;
    const target = targetOf(ref);
    if (target === undefined) {
      if (ref.reference.digest === undefined || update) result.unresolved.push(ref);
      continue;
    }
    if (target instanceof Error) {
      result.failures.push({ ref, error: target });
      continue;
    }
    const plan = planPin(ref, target.digest, [...all], { update });
    if (plan.kind === 'not-pinnable') result.refused.push(plan);
    if (plan.kind !== 'edit') continue;
    const at = `${plan.file}\0${plan.edit.range.line}:${plan.edit.range.column}`;
    if (seen.has(at)) continue;
    seen.add(at);
    result.edits.push({ ...plan.edit, file: plan.file });
  }
  return result;
}
