import type { Reference } from '../reference';

/** The web page of a repository on the public registries that have one at a known address; null elsewhere. */
export function registryLink(ref: Reference): string | null {
  if (ref.domain === 'docker.io') {
    return ref.path.startsWith('library/')
      ? `https://hub.docker.com/_/${ref.path.slice('library/'.length)}`
      : `https://hub.docker.com/r/${ref.path}`;
  }
  if (ref.domain === 'quay.io') return `https://quay.io/repository/${ref.path}`;
  if (ref.domain === 'ghcr.io') return `https://github.com/${ref.path.split('/')[0] ?? ''}`;
  return null;
}
