/**
 * Compose file names. Compose discovers `compose.yaml`, `compose.yml`, `docker-compose.yml`, `docker-compose.yaml`
 * and, beside the one it picks, the `.override.` variant of each (compose-go cli `DefaultFileNames`,
 * `DefaultOverrideFileNames`). Any `compose*.yml` / `compose*.yaml` name is read when a user names it explicitly.
 */
const DISCOVERED = new Set([
  'compose.yaml',
  'compose.yml',
  'docker-compose.yml',
  'docker-compose.yaml',
  'compose.override.yml',
  'compose.override.yaml',
  'docker-compose.override.yml',
  'docker-compose.override.yaml',
]);

/** A base name Compose finds on its own in a project directory. */
export function isComposeFileName(name: string): boolean {
  return DISCOVERED.has(name);
}

/** A base name that looks like a compose file (`compose*.y*ml`, incl. `docker-compose.prod.yml`), for explicit use. */
export function isComposeLikeFileName(name: string): boolean {
  return /^(?:docker-)?compose[^/\\]*\.ya?ml$/.test(name);
}
