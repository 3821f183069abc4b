import { randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { IpfsError } from '../../core/ipfs/ipfs-error';

/** Kubo answers `add` with one NDJSON line per file (`{"Name","Hash","Size"}`): a few hundred bytes. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * `ipfs add --cid-version=1 --pin` of one file over Kubo's RPC API, the multipart body streamed with
 * backpressure: kubo-rpc-client's upload holds about as much as it sends (253 MiB peak RSS for 150 MiB).
 * Whatever `bytes` throws is thrown unchanged, and the upload is cut so the daemon returns no CID for it.
 */
export async function kuboAdd(apiUrl: string, bytes: AsyncIterable<Uint8Array>, signal: AbortSignal): Promise<string> {
  const boundary = `image-trust-${randomBytes(16).toString('hex')}`;
  const url = new URL(`${apiUrl}/add?cid-version=1&pin=true`);
  const headers = { 'content-type': `multipart/form-data; boundary=${boundary}` };
  const request = (url.protocol === 'https:' ? https : http).request(url, { method: 'POST', headers, signal });
  const answered = new Promise<http.IncomingMessage>((resolve, reject) => {
    request.once('response', resolve);
    request.once('error', reject);
  });
  answered.catch(() => undefined);
  await pipeline(Readable.from(multipart(boundary, bytes)), request);
  const response = await answered;
  const text = await readCapped(response);
  if (response.statusCode !== 200) {
    const message = `Kubo refused the add (HTTP ${response.statusCode}): ${kuboMessage(text)}`;
    throw new IpfsError('IPFS_UNAVAILABLE', message, { source: 'kubo-rpc' });
  }
  const last = text.trim().split('\n').at(-1) ?? '';
  const hash = (JSON.parse(last) as { Hash?: unknown }).Hash;
  if (typeof hash !== 'string') throw new IpfsError('IPFS_UNAVAILABLE', 'Kubo answered the add without a CID.');
  return hash;
}

async function* multipart(boundary: string, bytes: AsyncIterable<Uint8Array>) {
  yield `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename=""\r\n`;
  yield 'Content-Type: application/octet-stream\r\n\r\n';
  yield* bytes;
  yield `\r\n--${boundary}--\r\n`;
}

async function readCapped(response: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_ANSWER_BYTES) throw new IpfsError('IPFS_UNAVAILABLE', 'Kubo answered the add at length.');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function kuboMessage(text: string): string {
  try {
    return String((JSON.parse(text) as { Message?: unknown }).Message ?? text.slice(0, 200));
  } catch {
    return text.slice(0, 200);
  }
}
