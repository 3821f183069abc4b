/** A credential as docker/podman store it; `source` says where it came from, for messages (never the secret). */
export type Credential =
  | { kind: 'basic'; username: string; password: string; source: string }
  | { kind: 'identity-token'; token: string; username?: string; source: string };

/**
 * Finds the credential for a registry as written in a reference's domain (`docker.io`, `127.0.0.1:5000`);
 * `undefined` when there is none. Fails (coded) when a configured store is broken, never silently.
 */
export type CredentialSource = (registry: string, signal?: AbortSignal) => Promise<Credential | undefined>;

export function basicAuthorization(username: string, password: string): string {
  return `Basic ${encodeBase64(`${username}:${password}`)}`;
}

function encodeBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function decodeBase64(text: string): string {
  const binary = atob(text);
  const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}
