export type ScannableKind = 'dockerfile' | 'compose';

const COMPOSE_DEFAULT_NAMES = new Set([
  'compose.yaml',
  'compose.yml',
  'docker-compose.yaml',
  'docker-compose.yml',
  'compose.override.yaml',
  'compose.override.yml',
  'docker-compose.override.yaml',
  'docker-compose.override.yml',
]);

/** Names that sit beside Dockerfiles but are not Dockerfiles (`Dockerfile.dockerignore` is BuildKit's per-file ignore). */
const NOT_DOCKERFILE_SUFFIXES = ['.dockerignore', '.md', '.txt', '.orig', '.bak', '.swp'];

function isDockerfileName(name: string): boolean {
  const lower = name.toLowerCase();
  if (NOT_DOCKERFILE_SUFFIXES.some((suffix) => lower.endsWith(suffix))) return false;
  return ['dockerfile', 'containerfile'].some(
    (base) => lower === base || lower.startsWith(`${base}.`) || lower.endsWith(`.${base}`),
  );
}

/** What a directory walk picks up: the names Docker, BuildKit and Compose look for on their own. */
export function kindOfDiscoveredFile(name: string): ScannableKind | null {
  if (COMPOSE_DEFAULT_NAMES.has(name)) return 'compose';
  return isDockerfileName(name) ? 'dockerfile' : null;
}

/** A file named on the command line is taken at its word: any `compose*.y*ml` / YAML is compose, anything else a Dockerfile. */
export function kindOfNamedFile(name: string): ScannableKind {
  const lower = name.toLowerCase();
  if (/\.ya?ml$/.test(lower)) return 'compose';
  return 'dockerfile';
}
