import { CoreError } from '../errors';
import type { FileSystem } from '../ports/file-system';
import { referenceString } from '../reference';
import type { ImageRef } from '../scan/image-ref';
import { readTextFile } from '../scan/read-text-file';
import { SCAN_DEFAULTS } from '../scan/scan-defaults';
import { applyFileEdits } from './apply-file-edits';
import type { PinTarget } from './keep-platform';
import { planPin, type PinPlan } from './plan-pin';
import { PinError, applyTextEdits, type TextEdit } from './text-edit';

/**
 * Gives the verified digest to pin for a reference (for an index, the index digest unless a single-platform pin
 * is kept); throws a CoreError.
 */
export type DigestSource = (ref: ImageRef) => Promise<PinTarget>;

export interface FilePinResult {
  path: string;
  before: string;
  after: string;
  written: boolean;
  error?: CoreError;
}

export interface PinOutcome {
  plans: PinPlan[];
  failures: { ref: ImageRef; error: CoreError }[];
  files: FilePinResult[];
}

function needsDigest(ref: ImageRef, update: boolean): boolean {
  return ref.reference !== null && (!ref.reference.digest || (update && ref.reference.tag !== undefined));
}

function toCoreError(error: unknown): CoreError {
  return error instanceof CoreError ? error : new CoreError('PIN_FAILED', String(error), { cause: error });
}

async function editFile(fs: FileSystem, path: string, edits: TextEdit[], write: boolean): Promise<FilePinResult> {
  const read = await readTextFile(fs, path, SCAN_DEFAULTS.maxFileBytes);
  if (!read.ok) {
    return { path, before: '', after: '', written: false, error: new PinError('PIN_FILE_UNREADABLE', read.message) };
  }
  try {
    const after = applyTextEdits(read.text, edits);
    if (write) await applyFileEdits(fs, path, read.text, edits, SCAN_DEFAULTS.maxFileBytes);
    return { path, before: read.text, after, written: write };
  } catch (error) {
    return { path, before: read.text, after: read.text, written: false, error: toCoreError(error) };
  }
}

/**
 * Pins every reference that has no digest (with `update`, also re-pins tags that moved): resolves each distinct
 * reference once, plans the edits, and writes each file once, atomically. Files are untouched when `write` is false.
 */
export async function pinWorkspace(
  fs: FileSystem,
  references: ImageRef[],
  digestFor: DigestSource,
  options: { update: boolean; write: boolean },
): Promise<PinOutcome> {
  const candidates = references.filter((ref) => needsDigest(ref, options.update));
  const lookups = new Map<string, Promise<PinTarget>>();
  const outcome: PinOutcome = { plans: [], failures: [], files: [] };
  await Promise.all(
    candidates.map(async (ref) => {
      // The digest written and a literal --platform take part in the choice, so they are part of the key.
      const key = ref.reference ? `${referenceString(ref.reference)} ${ref.platform ?? ''}` : '';
      let lookup = lookups.get(key);
      if (!lookup) {
        lookup = digestFor(ref);
        lookups.set(key, lookup);
      }
      try {
        const target = await lookup;
        const plan = planPin(ref, target.digest, references, options);
        const kept = target.singlePlatform && plan.kind !== 'not-pinnable';
        outcome.plans.push(kept ? { ...plan, singlePlatform: target.singlePlatform } : plan);
      } catch (error) {
        outcome.failures.push({ ref, error: toCoreError(error) });
      }
    }),
  );
  const editsByFile = new Map<string, Map<string, TextEdit>>();
  for (const plan of outcome.plans) {
    if (plan.kind !== 'edit') continue;
    const edits = editsByFile.get(plan.file) ?? new Map<string, TextEdit>();
    edits.set(`${plan.edit.range.line}:${plan.edit.range.column}`, plan.edit);
    editsByFile.set(plan.file, edits);
  }
  for (const [path, edits] of [...editsByFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    outcome.files.push(await editFile(fs, path, [...edits.values()], options.write));
  }
  return outcome;
}
