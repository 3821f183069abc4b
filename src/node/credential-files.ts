import { join } from 'node:path';
import type { CredentialFile } from '../core/registry/credential-lookup';

/**
 * Where credentials live, in search order: docker's config.json (`$DOCKER_CONFIG` or `~/.docker`), then
 * podman/skopeo's auth.json (`$REGISTRY_AUTH_FILE`, else `$XDG_RUNTIME_DIR/containers` and `~/.config/containers`).
 */
export function credentialFilesFromEnv(env: NodeJS.ProcessEnv, home: string): CredentialFile[] {
  const dockerDir = nonEmpty(env.DOCKER_CONFIG) ?? join(home, '.docker');
  const files: CredentialFile[] = [{ path: join(dockerDir, 'config.json') }];
  const authFile = nonEmpty(env.REGISTRY_AUTH_FILE);
  if (authFile !== undefined) return [...files, { path: authFile }];
  const runtimeDir = nonEmpty(env.XDG_RUNTIME_DIR);
  if (runtimeDir !== undefined) files.push({ path: join(runtimeDir, 'containers', 'auth.json') });
  files.push({ path: join(home, '.config', 'containers', 'auth.json') });
  return files;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
