import type { Credential } from './credential';
import type { Exec, ExecResult } from './ports';
import { RegistryError } from './registry-error';

export interface HelperCall {
  /** The `<name>` of `docker-credential-<name>`. */
  helper: string;
  serverUrl: string;
  /** For messages, e.g. 'credHelper pass'. */
  source: string;
  timeoutMs: number;
}

const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const NOT_FOUND = 'credentials not found';

/**
 * docker-credential-helpers' `get`: the server URL on stdin (no newline), `{Username, Secret}` on stdout.
 * "credentials not found in native keychain", or an empty answer (pass 0.6.4 does that), means none.
 * Errors name the helper and its exit status; its output may hold the secret, so it is never quoted.
 */
export async function fetchHelperCredential(
  exec: Exec,
  call: HelperCall,
  signal?: AbortSignal,
): Promise<Credential | undefined> {
  if (!HELPER_NAME.test(call.helper)) {
    const message = `The credential helper name ${JSON.stringify(call.helper)} is not valid: use a bare name.`;
    throw new RegistryError('CREDENTIAL_CONFIG_INVALID', message, { credentialSource: call.source });
  }
  const result = await run(exec, call, signal);
  if (result.code !== 0) {
    if (`${result.stdout}\n${result.stderr}`.toLowerCase().includes(NOT_FOUND)) return undefined;
    throw failed(call, `exited with status ${result.code}`);
  }
  return parseHelperOutput(result.stdout, call);
}

async function run(exec: Exec, call: HelperCall, signal?: AbortSignal): Promise<ExecResult> {
  const timeout = AbortSignal.timeout(call.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    return await exec(`docker-credential-${call.helper}`, ['get'], { stdin: call.serverUrl, signal: combined });
  } catch (error) {
    if (signal?.aborted) throw error;
    if ((error as { code?: unknown }).code === 'ENOENT') {
      const message = `docker-credential-${call.helper} is not on PATH: install it or remove it from the config.`;
      const details = { registry: call.serverUrl, credentialSource: call.source };
      throw new RegistryError('CREDENTIAL_HELPER_NOT_FOUND', message, details, error);
    }
    const why = timeout.aborted ? `did not answer within ${call.timeoutMs} ms (waiting for a passphrase?)` : 'failed';
    throw failed(call, why, error);
  }
}

function parseHelperOutput(stdout: string, call: HelperCall): Credential | undefined {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    throw failed(call, 'printed something that is not JSON');
  }
  const { Username, Secret } = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  if (typeof Secret !== 'string' || Secret === '') return undefined;
  const username = typeof Username === 'string' ? Username : '';
  // Username `<token>` marks the secret as an identity (refresh) token.
  if (username === '<token>') return { kind: 'identity-token', token: Secret, source: call.source };
  return { kind: 'basic', username, password: Secret, source: call.source };
}

function failed(call: HelperCall, what: string, cause?: unknown): RegistryError {
  const message = `docker-credential-${call.helper} get ${what} for ${call.serverUrl}: run it by hand to see why.`;
  const details = { registry: call.serverUrl, credentialSource: call.source };
  return new RegistryError('CREDENTIAL_HELPER_FAILED', message, details, cause);
}
