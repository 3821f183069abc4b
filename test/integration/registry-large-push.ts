import http from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Descriptor } from '../../src/core/ipfs/descriptor';
import { layerBytes, oneLayerImage } from './ipfs-fetch-large-image';

/** One HTTP exchange with the registry, the request body streamed; the answer's body is discarded. */
function send(method: string, url: URL, headers: Record<string, string>, body?: Buffer | AsyncIterable<Uint8Array>) {
  return new Promise<{ status: number; location?: string }>((resolve, reject) => {
    const request = http.request(url, { method, headers }, (response) => {
      response.resume();
      response.once('end', () => {
        const location = response.headers.location;
        resolve({ status: response.statusCode ?? 0, ...(location ? { location } : {}) });
      });
    });
    request.once('error', reject);
    if (body === undefined || Buffer.isBuffer(body)) request.end(body);
    else pipeline(Readable.from(body), request).catch(reject);
  });
}

/** A monolithic blob upload (POST, then PUT ?digest=), the bytes streamed from their source. */
async function uploadBlob(base: URL, repo: string, blob: Descriptor, bytes: Buffer | AsyncIterable<Uint8Array>) {
  const started = await send('POST', new URL(`/v2/${repo}/blobs/uploads/`, base), { 'content-length': '0' });
  if (started.status !== 202 || started.location === undefined) throw new Error(`upload start: ${started.status}`);
  const target = new URL(started.location, base);
  target.searchParams.set('digest', blob.digest);
  const headers = { 'content-type': 'application/octet-stream', 'content-length': String(blob.size) };
  const done = await send('PUT', target, headers, bytes);
  if (done.status !== 201) throw new Error(`upload of ${blob.digest}: ${done.status}`);
}

/**
 * Pushes a one-layer image whose layer is `size` pseudo-random bytes (the IPFS tests' generator) to a registry
 * without auth, through its API: neither side holds the layer. Returns the pinned reference and the layer.
 */
export async function pushLargeImage(registryUrl: string, repo: string, size: number) {
  const base = new URL(registryUrl);
  const { layer, config, configDescriptor, manifest, top } = await oneLayerImage(size);
  await uploadBlob(base, repo, layer, layerBytes(size));
  await uploadBlob(base, repo, configDescriptor, Buffer.from(config));
  const headers = { 'content-type': top.mediaType, 'content-length': String(manifest.length) };
  const put = await send('PUT', new URL(`/v2/${repo}/manifests/${top.digest}`, base), headers, Buffer.from(manifest));
  if (put.status !== 201) throw new Error(`manifest push: ${put.status}`);
  return { reference: `${base.host}/${repo}@${top.digest}`, layer };
}
