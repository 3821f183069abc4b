import { planPin, type PinPlan } from '../pin/plan-pin';
import type { TextEdit } from '../pin/text-edit';
import type { ImageRef } from '../scan/image-ref';
import { resolutionKey } from './resolution-key';
import type { ResolutionLookup } from './resolution-state';

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
}

/**
 * Plans the pins of `targets` from their known resolutions (never the network: the digest was verified when it
 * was resolved). With `update`, a written digest the tag has moved away from is replaced.
 */
export function planPinEdits(
  targets: readonly ImageRef[],
  all: readonly ImageRef[],
  lookup: ResolutionLookup,
  update: boolean,
): PinEdits {
  const result: PinEdits = { edits: [], refused: [], unresolved: [] };
  const seen = new Set<string>();
  for (const ref of targets) {
    const key = resolutionKey(ref);
    if (key === null) continue;
    const state = lookup(key);
    if (state?.kind !== 'resolved') {
      if (ref.reference?.digest === undefined || update) result.unresolved.push(ref);
      continue;
    }
    const plan = planPin(ref, state.resolution.digest, [...all], { update });
    if (plan.kind === 'not-pinnable') result.refused.push(plan);
    if (plan.kind !== 'edit') continue;
    const at = `${plan.file}\0${plan.edit.range.line}:${plan.edit.range.column}`;
    if (seen.has(at)) continue;
    seen.add(at);
    result.edits.push({ ...plan.edit, file: plan.file });
  }
  return result;
}
