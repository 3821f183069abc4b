import { decodeBase64, type Credential } from './credential';
import { RegistryError } from './registry-error';
import { DOCKER_HUB, isDockerHub } from './registry-host';

/** The parts of docker's config.json (and podman's auth.json, same shape) that hold credentials. */
export interface DockerConfig {
  auths: Record<string, Record<string, unknown>>;
  credHelpers: Record<string, string>;
  credsStore?: string;
}

export function parseDockerConfig(text: string, label: string): DockerConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // The parser's message quotes the text around the error, which may be a secret: it is not kept.
    throw invalid(label, 'is not JSON');
  }
  if (typeof json !== 'object' || json === null) throw invalid(label, 'is not a JSON object');
  const { auths, credHelpers, credsStore } = json as Record<string, unknown>;
  return {
    auths: objectOf(auths, (v): v is Record<string, unknown> => typeof v === 'object' && v !== null),
    credHelpers: objectOf(credHelpers, (v): v is string => typeof v === 'string'),
    ...(typeof credsStore === 'string' && credsStore !== '' ? { credsStore } : {}),
  };
}

/**
 * The value stored under the key that names `registry`. Keys are compared as docker does (scheme and path
 * dropped, so `https://index.docker.io/v1/` is Docker Hub).
 */
export function findByRegistry<T>(entries: Record<string, T>, registry: string): T | undefined {
  const wanted = normalizeKey(registry);
  const key = Object.keys(entries).find((k) => normalizeKey(k) === wanted);
  return key === undefined ? undefined : entries[key];
}

/** The server URL a credential helper is asked about: docker's Hub key, or host[:port]. */
export function helperServerUrl(registry: string): string {
  return isDockerHub(registry) ? DOCKER_HUB.credentialKey : registry.toLowerCase();
}

/** An `auths` entry as a credential: `identitytoken` wins, else `auth` (base64 user:pass) or username/password. */
export function toCredential(entry: Record<string, unknown>, source: string, label: string): Credential | undefined {
  const { username, password } = userAndPassword(entry, label);
  const token = entry.identitytoken;
  if (typeof token === 'string' && token !== '') {
    return { kind: 'identity-token', token, ...(username === '' ? {} : { username }), source };
  }
  if (username === '' && password === '') return undefined;
  return { kind: 'basic', username, password, source };
}

function userAndPassword(entry: Record<string, unknown>, label: string) {
  if (typeof entry.auth === 'string' && entry.auth !== '') {
    let decoded: string;
    try {
      decoded = decodeBase64(entry.auth);
    } catch (error) {
      throw invalid(label, 'has an "auth" value that is not base64', error);
    }
    const colon = decoded.indexOf(':');
    if (colon < 0) throw invalid(label, 'has an "auth" value that is not user:password');
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return { username: text(entry.username), password: text(entry.password) };
}

function normalizeKey(key: string): string {
  const host =
    key
      .replace(/^https?:\/\//i, '')
      .split('/')[0]
      ?.toLowerCase() ?? '';
  return isDockerHub(host) ? DOCKER_HUB.domain : host;
}

function objectOf<T>(value: unknown, keep: (v: unknown) => v is T): Record<string, T> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, T] => keep(entry[1])));
}

// The message names the file, never its content: it holds secrets.
function invalid(label: string, what: string, cause?: unknown): RegistryError {
  return new RegistryError('CREDENTIAL_CONFIG_INVALID', `${label} ${what}: fix or remove it.`, {}, cause);
}
