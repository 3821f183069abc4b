import { isCoreError } from '../errors';
import type { IpfsBlobSource } from './blob-source';
import { IPFS_DEFAULTS } from './defaults';
import { parseDescriptor, parseJsonDocument, type Descriptor } from './descriptor';
import { digestForRawCid, parseCid } from './digest-cid';
import { documentKind } from './image-document';
import { canTryElsewhere, IpfsError } from './ipfs-error';
import type { CreateHash } from './ports';

/**
 * The descriptor an image CID (`ipfs://<CID>`) names: one small JSON block, as nerdctl publishes it. A raw
 * sha2-256 CID is checked against the bytes here; any other CID relies on the source's block checks, and what
 * the descriptor names is verified by digest from there on.
 */
export async function fetchRootDescriptor(
  sources: readonly IpfsBlobSource[],
  cidText: string,
  createHash: CreateHash,
  signal: AbortSignal,
): Promise<{ descriptor: Descriptor; source: string }> {
  const cid = parseCid(cidText);
  let last: unknown = new IpfsError('IPFS_UNAVAILABLE', 'No IPFS source is configured.', { cid: cidText });
  for (const source of sources) {
    try {
      const bytes = await readCapped(source.cat(cidText, { signal }), cidText, source.name);
      checkRawCid(bytes, digestForRawCid(cid), createHash, cidText, source.name);
      return { descriptor: toImageDescriptor(bytes, cidText), source: source.name };
    } catch (error) {
      if (signal.aborted || !canTryElsewhere(error)) throw isCoreError(error) ? error : unavailable(cidText, error);
      last = error;
    }
  }
  throw last;
}

async function readCapped(chunks: AsyncIterable<Uint8Array>, cid: string, source: string): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > IPFS_DEFAULTS.maxRootBytes) {
      const message = `${source} sent more than ${IPFS_DEFAULTS.maxRootBytes} bytes for the image CID ${cid}: not an image descriptor.`;
      throw new IpfsError('IPFS_DESCRIPTOR_INVALID', message, { cid, source });
    }
    parts.push(chunk);
  }
  const bytes = new Uint8Array(size);
  parts.reduce((offset, part) => (bytes.set(part, offset), offset + part.length), 0);
  return bytes;
}

function checkRawCid(
  bytes: Uint8Array,
  digest: string | undefined,
  createHash: CreateHash,
  cid: string,
  source: string,
) {
  if (digest === undefined) return;
  const hash = createHash('sha256');
  hash.update(bytes);
  const actual = `sha256:${hash.digest()}`;
  if (actual !== digest) {
    const message = `${source} sent a block for ${cid} whose hash ${actual} is not the CID's: refused.`;
    throw new IpfsError('IPFS_BLOCK_INVALID', message, { cid, source, expected: digest, actual });
  }
}

function toImageDescriptor(bytes: Uint8Array, cid: string): Descriptor {
  const descriptor = parseDescriptor(parseJsonDocument(bytes, `the block ${cid}`), `the descriptor ${cid} names`);
  if (documentKind(descriptor) === undefined) {
    const message = `${cid} names a ${descriptor.mediaType}, not an image index or manifest.`;
    throw new IpfsError('IPFS_DESCRIPTOR_INVALID', message, { cid });
  }
  return descriptor;
}

function unavailable(cid: string, cause: unknown): IpfsError {
  return new IpfsError('IPFS_UNAVAILABLE', `The IPFS source failed reading ${cid}.`, { cid }, cause);
}
