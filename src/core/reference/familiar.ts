import { DEFAULT_DOMAIN, OFFICIAL_REPO_PREFIX, splitDockerDomain } from './normalize';
import { referenceName, referenceString, type Reference } from './reference';

/**
 * The short form people type: Docker Hub's domain and `library/` left out (`docker.io/library/ubuntu` →
 * `ubuntu`). Unlike Go, the domain stays when the short form would name something else: `docker.io/a.b/c`
 * shortened to `a.b/c` would be read as registry `a.b`.
 */
export function familiarize(ref: Reference): Reference {
  if (ref.domain !== DEFAULT_DOMAIN) return ref;
  const rest = ref.path.startsWith(OFFICIAL_REPO_PREFIX) ? ref.path.slice(OFFICIAL_REPO_PREFIX.length) : '';
  // `library/foo/bar` keeps its prefix: without it, `foo` would be read as the namespace.
  const path = rest !== '' && !rest.includes('/') ? rest : ref.path;
  const readBack = splitDockerDomain(path);
  if (readBack.domain !== DEFAULT_DOMAIN || readBack.remainder !== ref.path) return ref;
  return { ...ref, domain: '', path };
}

/** Go `FamiliarName`: the short repository name, without tag or digest. */
export function familiarName(ref: Reference): string {
  return referenceName(familiarize(ref));
}

/** Go `FamiliarString`: the short form with tag and digest, as `docker images` shows it. */
export function familiarString(ref: Reference): string {
  return referenceString(familiarize(ref));
}
