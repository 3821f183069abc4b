import type { ImagePlatform } from '../registry/image-config';
import type { VariableOrigin } from '../scan/found-image';
import type { ImageRef } from '../scan/image-ref';
import type { SourceRange } from '../scan/source-range';
import type { TextEdit } from './text-edit';

/** `singlePlatform`: the digest is one platform's manifest of an index, kept from a single-platform pin. */
export type PinPlan =
  | { kind: 'edit'; ref: ImageRef; file: string; edit: TextEdit; digest: string; singlePlatform?: ImagePlatform }
  | { kind: 'pinned'; ref: ImageRef; digest: string; singlePlatform?: ImagePlatform }
  | { kind: 'not-pinnable'; ref: ImageRef; code: 'PIN_INVALID_REFERENCE' | 'PIN_FROM_VARIABLES'; reason: string };

export interface PinOptions {
  /** Replace a digest that is already written when it differs (`pin --update`). */
  update: boolean;
}

/** A reference written as exactly one variable (`$V`, `${V}`, `${V:-x}`) has its value written elsewhere. */
const WHOLE_VARIABLE = /^\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)(?:(?::?-)[^}]*)?\})$/;

function withDigest(text: string, digest: string): string {
  const at = text.indexOf('@');
  return `${at === -1 ? text : text.slice(0, at)}@${digest}`;
}

function sameOrigin(a: VariableOrigin, b: VariableOrigin, fileA: string, fileB: string): boolean {
  const ra = a.valueRange;
  const rb = b.valueRange;
  return (
    a.name === b.name &&
    (a.file ?? fileA) === (b.file ?? fileB) &&
    ra !== undefined &&
    rb !== undefined &&
    ra.line === rb.line &&
    ra.column === rb.column
  );
}

function variableOrigin(ref: ImageRef): { origin: VariableOrigin; range: SourceRange } | string {
  const match = WHOLE_VARIABLE.exec(ref.text);
  const name = match?.[1] ?? match?.[2];
  const origin = ref.variables?.find((variable) => variable.name === name);
  if (!name || !origin || (ref.variables?.length ?? 0) > 1) {
    return `'${ref.text}' is built from several parts; write the digest where the whole reference is written`;
  }
  if (!origin.valueRange) {
    return `${name} comes from ${origin.source === 'env' ? 'the environment' : `a ${origin.source}`}, not from a file; pin it where it is set`;
  }
  return { origin, range: origin.valueRange };
}

/**
 * Decides how to pin one reference to `digest` (already verified): append `@digest` to the text as written (the
 * tag is kept for readers), or to the one variable value that holds the whole reference when no other reference
 * shares it. Writing a digest into a shared ARG has broken real builds, so that is refused with the reason.
 */
export function planPin(ref: ImageRef, digest: string, all: ImageRef[], options: PinOptions): PinPlan {
  if (!ref.reference || ref.expanded === null) {
    return { kind: 'not-pinnable', ref, code: 'PIN_INVALID_REFERENCE', reason: ref.error ?? 'invalid reference' };
  }
  const written = ref.reference.digest;
  if (written === digest || (written && !options.update)) return { kind: 'pinned', ref, digest: written };
  if (!ref.variables || ref.variables.length === 0) {
    const edit = { range: ref.range, expected: ref.text, newText: withDigest(ref.text, digest) };
    return { kind: 'edit', ref, file: ref.file, edit, digest };
  }
  const found = variableOrigin(ref);
  if (typeof found === 'string') return { kind: 'not-pinnable', ref, code: 'PIN_FROM_VARIABLES', reason: found };
  const { origin, range } = found;
  const sharers = all.filter((other) =>
    other.variables?.some((variable) => sameOrigin(variable, origin, other.file, ref.file)),
  );
  if (sharers.length > 1) {
    const reason = `${origin.name} is used by ${sharers.length} references; a digest written into it would pin them all`;
    return { kind: 'not-pinnable', ref, code: 'PIN_FROM_VARIABLES', reason };
  }
  const edit = { range, expected: ref.expanded, newText: withDigest(ref.expanded, digest) };
  return { kind: 'edit', ref, file: origin.file ?? ref.file, edit, digest };
}
