import { Authorizer } from '../../registry/authorizer';
import type { CredentialSource } from '../../registry/credential';
import { DEFAULTS } from '../../registry/defaults';
import type { Clock, Transport, TransportResponse } from '../../registry/ports';
import { CoreError } from '../../errors';
import { NotaryError } from './notary-error';
import type { MetadataRequest, MetadataSource } from './ports';

export interface NotarySourceDeps {
  transport: Transport;
  clock: Clock;
  credentials: CredentialSource;
}

export interface NotarySourceTarget {
  /** The notary server's base URL, e.g. `https://notary.example:4443/`. */
  server: URL;
  /** The registry whose credentials the notary server's token service accepts (docker does the same). */
  registry: string;
  gun: string;
  userAgent: string;
}

function fileName(request: MetadataRequest): string {
  if (request.checksum !== undefined) return `${request.role}.${request.checksum}.json`;
  if (request.version !== undefined) return `${request.version}.${request.role}.json`;
  return `${request.role}.json`;
}

function toNotaryError(error: unknown, request: MetadataRequest, gun: string): unknown {
  if (!(error instanceof CoreError) || error instanceof NotaryError) return error;
  const details = { gun, role: request.role };
  if (error.code === 'REGISTRY_RESPONSE_TOO_LARGE') {
    const message = `The ${request.role} trust data is larger than ${request.maxBytes} bytes: refused before parsing.`;
    return new NotaryError('TUF_TOO_LARGE', message, details, { cause: error });
  }
  if (error.code.startsWith('AUTH_')) return error;
  return new NotaryError('TUF_UNAVAILABLE', `The notary server did not answer for ${gun}.`, details, { cause: error });
}

/**
 * Fetches `/v2/<GUN>/_trust/tuf/<file>` over the registry client's transport. A 401 is answered with the
 * registry's token service and credentials through the same Authorizer the registry client uses (scope
 * `repository:<GUN>:pull`, as notary asks); a 404 is absence.
 */
export function createNotarySource(deps: NotarySourceDeps, target: NotarySourceTarget): MetadataSource {
  const authorizer = new Authorizer(deps, target.registry, DEFAULTS.maxTokenResponseBytes);
  const scope = `repository:${target.gun}:pull`;
  const send = async (url: URL, request: MetadataRequest, fresh: boolean): Promise<TransportResponse> => {
    const authorization = await authorizer.header(url, scope, request.signal, fresh);
    const headers: Record<string, string> = { 'user-agent': target.userAgent };
    if (authorization !== undefined) headers.authorization = authorization;
    return deps.transport({ method: 'GET', url, headers, maxBytes: request.maxBytes, signal: request.signal });
  };
  return {
    async fetch(request) {
      const url = new URL(`v2/${target.gun}/_trust/tuf/${fileName(request)}`, target.server);
      try {
        let response = await send(url, request, false);
        if (response.status === 401 && authorizer.learn(response)) response = await send(url, request, true);
        if (response.status === 404) return undefined;
        if (response.status === 401 || response.status === 403)
          throw await authorizer.refused(response.status, request.signal);
        if (response.status !== 200) {
          throw new NotaryError(
            'TUF_UNAVAILABLE',
            `The notary server answered ${response.status} for ${request.role}.`,
            {
              gun: target.gun,
              role: request.role,
            },
          );
        }
        return response.body;
      } catch (error) {
        throw toNotaryError(error, request, target.gun);
      }
    },
  };
}
