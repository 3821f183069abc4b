import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { RegistryInfo, RigUser } from './rig-types';

/** Every manifest type, so registry 2.8 neither 404s OCI content nor downgrades Docker v2 to schema1. */
export const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

export interface RigResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface RigRequest {
  method?: string;
  headers?: Record<string, string>;
  /** PEM file of the CA to trust for https URLs. */
  caFile?: string;
  signal?: AbortSignal;
}

/** Collects a whole response: status, headers and body. */
export function readResponse(res: IncomingMessage): Promise<RigResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    res.on('error', reject);
  });
}

/** A plain request for tests that talk to the rig's servers directly (the product's client is not used here). */
export function rigRequest(url: string, options: RigRequest = {}): Promise<RigResponse> {
  const request = url.startsWith('https:') ? httpsRequest : httpRequest;
  const ca = options.caFile === undefined ? undefined : readFileSync(options.caFile);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, ca, signal: options.signal },
      (res) => readResponse(res).then(resolve, reject),
    );
    req.on('error', reject);
    req.end();
  });
}

export function basicAuthorization(user: Pick<RigUser, 'username' | 'password'>): string {
  return `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;
}

/** Asks the token registry's realm for a token, as a client would after a Bearer challenge. */
export async function fetchRigToken(registry: RegistryInfo, user: RigUser | null, scopes: string[]): Promise<string> {
  if (registry.auth.kind !== 'token') throw new Error(`${registry.kind} registry does not use token auth`);
  const url = new URL(registry.auth.realm);
  url.searchParams.set('service', registry.auth.service);
  for (const scope of scopes) url.searchParams.append('scope', scope);
  const headers: Record<string, string> = user === null ? {} : { authorization: basicAuthorization(user) };
  const res = await rigRequest(url.href, { headers, caFile: registry.caFile });
  if (res.status !== 200) throw new Error(`token request answered ${res.status}`);
  return (JSON.parse(res.body.toString('utf8')) as { token: string }).token;
}
