import type { RigPki } from './pki';

/** The four registry set-ups of RIG-NOTES §4. */
export type RegistryKind = 'http' | 'tls' | 'basic' | 'token';

export interface RegistryAuthInputs {
  htpasswdFile?: string;
  tokenRealm?: string;
  tokenService?: string;
  tokenIssuer?: string;
}

export const BASIC_REALM = 'rig-basic-realm';

function authSection(kind: RegistryKind, pki: RigPki | undefined, auth: RegistryAuthInputs): Record<string, unknown> {
  if (kind === 'basic') return { htpasswd: { realm: BASIC_REALM, path: auth.htpasswdFile } };
  if (kind === 'token') {
    return {
      token: {
        realm: auth.tokenRealm,
        service: auth.tokenService,
        issuer: auth.tokenIssuer,
        rootcertbundle: pki?.tokenBundle,
      },
    };
  }
  return {};
}

/**
 * A distribution 2.8 config; TLS when `pki` is given (all kinds but 'http'). JSON is valid YAML, so the object is written with JSON.stringify. Storage is in
 * memory: every start is empty and nothing is left on disk.
 */
export function buildRegistryConfig(
  kind: RegistryKind,
  port: number,
  pki: RigPki | undefined,
  auth: RegistryAuthInputs,
): Record<string, unknown> {
  const tls = pki === undefined ? {} : { tls: { certificate: pki.serverCert, key: pki.serverKey } };
  const section = authSection(kind, pki, auth);
  return {
    version: '0.1',
    log: { level: 'info', formatter: 'text', accesslog: { disabled: false } },
    storage: { inmemory: {}, delete: { enabled: true }, maintenance: { uploadpurging: { enabled: false } } },
    http: { addr: `127.0.0.1:${port}`, secret: 'rig-test-secret-not-for-prod', ...tls },
    ...(Object.keys(section).length > 0 ? { auth: section } : {}),
  };
}
