import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { request } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { time } from './measure';

const CHUNK = 1024 * 1024;

/**
 * A layer-sized file of incompressible bytes (AES-CTR over zeros: random-looking, generated faster than the
 * disk writes it), never held in memory; returns its OCI digest.
 */
export async function writeRandomLayer(path: string, size: number): Promise<string> {
  const cipher = createCipheriv('aes-128-ctr', randomBytes(16), randomBytes(16));
  const hash = createHash('sha256');
  const zeros = Buffer.alloc(CHUNK);
  async function* bytes() {
    for (let written = 0; written < size; written += CHUNK) {
      const chunk = cipher.update(zeros.subarray(0, Math.min(CHUNK, size - written)));
      hash.update(chunk);
      yield chunk;
    }
  }
  await pipeline(bytes, createWriteStream(path));
  return `sha256:${hash.digest('hex')}`;
}

/** A monolithic blob upload (POST, then PUT with the digest) to a registry without auth, streamed from disk. */
export async function pushLayer(registryUrl: string, repo: string, path: string, digest: string, size: number) {
  const started = await send('POST', `${registryUrl}/v2/${repo}/blobs/uploads/`, undefined);
  const location = new URL(started.headers.location ?? '', registryUrl);
  location.searchParams.set('digest', digest);
  const put = await send('PUT', location.toString(), { path, size });
  if (put.statusCode !== 201) throw new Error(`the registry answered ${put.statusCode} to the layer upload`);
}

/** The floor: one plain GET of the blob, every byte read and dropped; returns the milliseconds it took. */
export async function getLayerMs(registryUrl: string, repo: string, digest: string, size: number): Promise<number> {
  let received = 0;
  const ms = await time(async () => {
    const response = await send('GET', `${registryUrl}/v2/${repo}/blobs/${digest}`, undefined, (chunk) => {
      received += chunk.length;
    });
    if (response.statusCode !== 200) throw new Error(`the registry answered ${response.statusCode} to the blob GET`);
  });
  if (received !== size) throw new Error(`the registry sent ${received} of ${size} bytes`);
  return ms;
}

function send(
  method: string,
  url: string,
  body: { path: string; size: number } | undefined,
  onData: (chunk: Buffer) => void = () => undefined,
) {
  return new Promise<{ statusCode: number; headers: Record<string, string | undefined> }>((resolve, reject) => {
    const headers =
      body === undefined ? {} : { 'content-length': String(body.size), 'content-type': 'application/octet-stream' };
    const req = request(url, { method, headers }, (res) => {
      res.on('data', onData);
      res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, headers: res.headers as Record<string, string> }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body === undefined) req.end();
    else createReadStream(body.path).pipe(req);
  });
}
