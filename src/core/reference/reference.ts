/**
 * A parsed image reference. `domain` is '' only for references from the non-normalizing `parseReference` or
 * `withName` (Go `Parse`/`WithName`), which keep a name like `ubuntu` as written.
 */
export interface Reference {
  domain: string;
  path: string;
  tag?: string;
  digest?: string;
}

/** What `parseAnyReference` returns: a bare digest (an image ID) or a named reference. */
export type AnyReference = { kind: 'digest'; digest: string } | { kind: 'named'; reference: Reference };

/** Go `Name()`: `domain/path`, or just `path` when there is no domain. */
export function referenceName(ref: Reference): string {
  return ref.domain ? `${ref.domain}/${ref.path}` : ref.path;
}

/** Go `String()`: `name[:tag][@digest]`. */
export function referenceString(ref: Reference): string {
  const tag = ref.tag ? `:${ref.tag}` : '';
  const digest = ref.digest ? `@${ref.digest}` : '';
  return `${referenceName(ref)}${tag}${digest}`;
}

/** Go `String()` of whatever `parseAnyReference` returned. */
export function anyReferenceString(ref: AnyReference): string {
  return ref.kind === 'digest' ? ref.digest : referenceString(ref.reference);
}

/** Builds a reference without empty optional fields, so equal references compare equal with `toEqual`. */
export function makeReference(domain: string, path: string, tag?: string, digest?: string): Reference {
  const ref: Reference = { domain, path };
  if (tag) ref.tag = tag;
  if (digest) ref.digest = digest;
  return ref;
}
