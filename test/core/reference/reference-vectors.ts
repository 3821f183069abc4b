import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReferenceErrorKind } from '../../../src/core/reference';

/** One case of ../shared/peer-data/reference.json; fields vary by section (see its README, section 1). */
export interface Vector {
  input: string;
  ok?: boolean;
  match?: boolean;
  err?: string;
  errName?: string;
  name?: string;
  domain?: string;
  path?: string;
  tag?: string;
  digest?: string;
  string?: string;
  normalized?: string;
  familiar?: string;
  kind?: string;
  op?: string;
  combined?: string;
  expected?: boolean | string;
  error?: boolean;
  pattern?: string;
  reference?: string;
}

type Vectors = Record<string, { cases: Vector[] }> & { errors: Record<string, string> };

// Read in place, beside the repository (CI clones it with shared/ as ../shared), never copied in.
const file = fileURLToPath(new URL('../../../../shared/peer-data/reference.json', import.meta.url));
const vectors = JSON.parse(readFileSync(file, 'utf8')) as Vectors;

export function section(name: string): Vector[] {
  const found = vectors[name];
  if (!found) throw new Error(`reference.json has no section ${name}`);
  return found.cases;
}

/** The upstream message of a Go error identifier, from the vectors' `errors` map. */
export function upstreamMessage(errName: string): string {
  const message = vectors.errors[errName];
  if (message === undefined) throw new Error(`reference.json has no message for ${errName}`);
  return message;
}

/** Our error kind for each Go error identifier the vectors name. */
export const KIND_OF: Readonly<Record<string, ReferenceErrorKind>> = {
  ErrReferenceInvalidFormat: 'invalid-format',
  ErrNameEmpty: 'name-empty',
  ErrNameTooLong: 'name-too-long',
  ErrNameContainsUppercase: 'name-contains-uppercase',
  ErrNameNotCanonical: 'name-not-canonical',
  ErrTagInvalidFormat: 'invalid-tag',
  ErrDigestInvalidFormat: 'invalid-digest',
  'digest.ErrDigestInvalidFormat': 'invalid-digest',
  'digest.ErrDigestInvalidLength': 'invalid-digest',
  'digest.ErrDigestUnsupported': 'unsupported-digest',
};

/** Shortens huge inputs in test titles. */
export function title(input: string): string {
  const shown = input.length > 60 ? `${input.slice(0, 40)}…(${input.length} chars)` : input;
  return JSON.stringify(shown);
}

/** The number of cases in every section, for the "all 352 vectors" check. */
export function totalCases(): number {
  return Object.values(vectors).reduce((sum, value) => sum + ((value as { cases?: unknown[] }).cases?.length ?? 0), 0);
}
