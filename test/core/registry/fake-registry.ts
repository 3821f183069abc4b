import type { TransportRequest, TransportResponse } from '../../../src/core/registry/ports';
import { reply } from './fakes';

export interface StoredManifest {
  body: string;
  mediaType: string;
  digest: string;
}

export interface FakeRegistryOptions {
  /** `repository → reference (tag or digest) → manifest`. */
  repositories: Record<string, Record<string, StoredManifest>>;
  /** `bearer` answers `/v2/` with a token challenge and wants `Bearer good`. */
  auth?: 'bearer' | 'none';
  /** Replaces the Docker-Content-Digest the registry sends. */
  lieAboutDigest?: string;
  sendDigestOnHead?: boolean;
  headers?: Record<string, string>;
  /** Answer an unknown repository's manifest with NAME_UNKNOWN; distribution 2.8 says MANIFEST_UNKNOWN. */
  nameUnknownOnManifests?: boolean;
}

const CHALLENGE = 'Bearer realm="https://auth.test/token",service="reg"';

/** A distribution registry as a Transport handler: enough of the API for resolution. */
export function fakeRegistry(options: FakeRegistryOptions) {
  return (request: TransportRequest): TransportResponse => {
    const { url } = request;
    if (url.host === 'auth.test') return reply(request, 200, {}, JSON.stringify({ token: 'good' }));
    if (options.auth === 'bearer' && request.headers.authorization !== 'Bearer good') {
      return reply(request, 401, { 'www-authenticate': CHALLENGE }, '{"errors":[{"code":"UNAUTHORIZED"}]}');
    }
    if (url.pathname === '/v2/') return reply(request, 200, {}, '{}');
    const tags = /^\/v2\/(.+)\/tags\/list$/.exec(url.pathname);
    if (tags) return options.repositories[tags[1] ?? ''] ? reply(request, 200, {}, '{}') : nameUnknown(request);
    const match = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(url.pathname);
    const repository = match ? options.repositories[match[1] ?? ''] : undefined;
    if (repository === undefined && options.nameUnknownOnManifests) return nameUnknown(request);
    if (repository === undefined) return manifestUnknown(request);
    const manifest = repository[decodeURIComponent(match?.[2] ?? '')];
    if (manifest === undefined) return manifestUnknown(request);
    const length = String(new TextEncoder().encode(manifest.body).length);
    const headers: Record<string, string> = {
      'content-type': manifest.mediaType,
      'content-length': length,
      ...options.headers,
    };
    if (request.method === 'GET' || options.sendDigestOnHead !== false) {
      headers['docker-content-digest'] = options.lieAboutDigest ?? manifest.digest;
    }
    return reply(request, 200, headers, manifest.body);
  };
}

const nameUnknown = (request: TransportRequest) => reply(request, 404, {}, '{"errors":[{"code":"NAME_UNKNOWN"}]}');
const manifestUnknown = (request: TransportRequest) =>
  reply(request, 404, {}, '{"errors":[{"code":"MANIFEST_UNKNOWN"}]}');
