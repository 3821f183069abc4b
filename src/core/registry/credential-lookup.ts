import type { Credential, CredentialSource } from './credential';
import { fetchHelperCredential } from './credential-helper';
import { DEFAULTS } from './defaults';
import { findByRegistry, helperServerUrl, parseDockerConfig, toCredential, type DockerConfig } from './docker-config';
import type { Exec, Log, TextFileReader } from './ports';

/** A docker config.json or podman auth.json; its path names the credential's source in messages. */
export interface CredentialFile {
  path: string;
}

export interface CredentialLookupDeps {
  readFile: TextFileReader;
  exec: Exec;
  log?: Log;
}

export interface CredentialLookupOptions {
  /** Searched in order; the first credential found wins. */
  files: readonly CredentialFile[];
  /** Off in untrusted workspaces: a config file must not make us run a program. */
  allowCredentialHelpers: boolean;
  helperTimeoutMs?: number;
}

/**
 * Credentials as `docker` finds them: per file, `credHelpers[registry]`, else `credsStore`, else `auths`.
 * A helper that has nothing lets the search go on; a failing helper is an error, never "no credential".
 */
export function createCredentialSource(deps: CredentialLookupDeps, options: CredentialLookupOptions): CredentialSource {
  return async (registry, signal) => {
    for (const file of options.files) {
      const text = await deps.readFile(file.path);
      if (text === undefined) continue;
      const config = parseDockerConfig(text, file.path);
      const found =
        (await fromHelper(deps, options, config, file, registry, signal)) ?? fromAuths(config, registry, file);
      if (found !== undefined) return found;
    }
    return undefined;
  };
}

async function fromHelper(
  deps: CredentialLookupDeps,
  options: CredentialLookupOptions,
  config: DockerConfig,
  file: CredentialFile,
  registry: string,
  signal?: AbortSignal,
): Promise<Credential | undefined> {
  const perRegistry = findByRegistry(config.credHelpers, registry);
  const helper = perRegistry ?? config.credsStore;
  if (helper === undefined) return undefined;
  const source = `docker-credential-${helper} (${perRegistry === undefined ? 'credsStore' : 'credHelpers'} in ${file.path})`;
  if (!options.allowCredentialHelpers) {
    deps.log?.({ level: 'warn', message: `${source} not run: credential helpers are disabled here`, registry });
    return undefined;
  }
  const timeoutMs = options.helperTimeoutMs ?? DEFAULTS.helperTimeoutMs;
  return fetchHelperCredential(deps.exec, { helper, serverUrl: helperServerUrl(registry), source, timeoutMs }, signal);
}

function fromAuths(config: DockerConfig, registry: string, file: CredentialFile): Credential | undefined {
  const entry = findByRegistry(config.auths, registry);
  return entry === undefined ? undefined : toCredential(entry, `auths in ${file.path}`, file.path);
}
