import type { Credential } from './credential';
import { DEFAULTS } from './defaults';
import type { Exec } from './ports';
import { RegistryError } from './registry-error';

const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const NOT_FOUND = 'credentials not found';

/**
 * docker-credential-helpers' `get`: the server URL on stdin (no newline), `{Username, Secret}` on stdout.
 * "credentials not found in native keychain", or an empty answer (pass 0.6.4 does that), means none.
 * Errors name the helper and its exit status; its output may hold the secret, so it is never quoted.
 */
export async function fetchHelperCredential(
  exec: Exec,
  helper: string,
  serverUrl: string,
  source: string,
  signal?: AbortSignal,
): Promise<Credential | undefined> {
  if (!HELPER_NAME.test(helper)) {
    throw new RegistryError(
      'CREDENTIAL_CONFIG_INVALID',
      `The credential helper name ${JSON.stringify(helper)} is not valid.`,
    );
  }
  const program = `docker-credential-${helper}`;
  const timeout = AbortSignal.timeout(DEFAULTS.helperTimeoutMs);
  let result;
  try {
    result = await exec(program, ['get'], {
      stdin: serverUrl,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    const missing = (error as { code?: unknown }).code === 'ENOENT';
    const code = missing ? 'CREDENTIAL_HELPER_NOT_FOUND' : 'CREDENTIAL_HELPER_FAILED';
    const message = missing
      ? `${program} is not on PATH: install it or remove it from the docker config.`
      : `${program} could not be run.`;
    throw new RegistryError(code, message, { registry: serverUrl, credentialSource: source }, error);
  }
  if (result.code !== 0) {
    if (`${result.stdout}\n${result.stderr}`.toLowerCase().includes(NOT_FOUND)) return undefined;
    throw failed(program, serverUrl, source, `exited with status ${result.code}`);
  }
  return parseHelperOutput(result.stdout, program, serverUrl, source);
}

function parseHelperOutput(stdout: string, program: string, serverUrl: string, source: string): Credential | undefined {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    throw failed(program, serverUrl, source, 'printed something that is not JSON');
  }
  const { Username, Secret } = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  if (typeof Secret !== 'string' || Secret === '') return undefined;
  const username = typeof Username === 'string' ? Username : '';
  // Username `<token>` marks the secret as an identity (refresh) token.
  if (username === '<token>') return { kind: 'identity-token', token: Secret, source };
  return { kind: 'basic', username, password: Secret, source };
}

function failed(program: string, serverUrl: string, source: string, what: string): RegistryError {
  const message = `${program} get ${what} for ${serverUrl}: run it by hand to see why.`;
  return new RegistryError('CREDENTIAL_HELPER_FAILED', message, { registry: serverUrl, credentialSource: source });
}
