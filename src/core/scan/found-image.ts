import type { SourceRange } from './source-range';

export type ImageRefKind = 'from' | 'copy-from' | 'mount-from' | 'syntax' | 'compose-image' | 'compose-volume-image';

/**
 * Where a variable that fed a reference is defined, so pinning can write the digest where the value is written
 * (an ARG default, a compose `.env` value) instead of into the reference text.
 */
export interface VariableOrigin {
  name: string;
  /** Where it was defined: `arg` (Dockerfile ARG default), `build-arg`, `env` (process env), `dotenv`, `default` (a `${V:-x}` default). */
  source: 'arg' | 'build-arg' | 'env' | 'dotenv' | 'default' | 'args';
  /** Range of the value text in its own file, when it is written in one; absent for CLI flags and the process env. */
  valueRange?: SourceRange;
  /** File of the value when it differs from the file of the reference (a `.env`). */
  file?: string;
}

/**
 * One image reference as a scanner found it in one text, before normalization. Scanners are pure: they take text
 * and return these; `text` is exactly what is written in the file at `range`.
 */
export interface FoundImage {
  kind: ImageRefKind;
  range: SourceRange;
  /** The reference text as written (may contain variables). */
  text: string;
  /** The text after variable expansion, or null when it could not be expanded (then `error` says why). */
  expanded: string | null;
  /** The Dockerfile stage this reference belongs to (its `AS` name, or its index as a string). */
  stage?: string;
  /** The `--platform` value, expanded when possible, else as written. */
  platform?: string;
  /** The compose service that caused this reference (its image, or its build's Dockerfile). */
  service?: string;
  /** Variables used in `text`, with where each value came from. */
  variables?: VariableOrigin[];
  error?: string;
}

export interface ScanError {
  line: number;
  message: string;
}

export interface ScanResult {
  images: FoundImage[];
  errors: ScanError[];
}
