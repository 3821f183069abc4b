import { asyncIterableReader, readBlockHead, readHeader, type BytesReader } from '@ipld/car/decoder';
import { IPFS_DEFAULTS } from './defaults';
import { IpfsError } from './ipfs-error';
import type { Block } from './unixfs-block-walk';

const MAX_HEADER_BYTES = 64 * 1024;
// A CID in a CAR section: version, codec, and a multihash of up to 64 bytes, each with its varint.
const MAX_CID_BYTES = 128;

/**
 * The blocks of a CARv1 stream, unverified (the walk checks each against its CID). Every section length is
 * checked before its bytes are read, so a lying length cannot make us buffer more than one block's cap.
 */
export async function* readCarBlocks(chunks: AsyncIterable<Uint8Array>, source: string): AsyncGenerator<Block> {
  // A failure of the stream itself (HTTP status, network) is the source's to name, not a malformed CAR.
  const upstream: { error?: unknown } = {};
  const reader = asyncIterableReader(
    (async function* () {
      try {
        yield* chunks;
      } catch (error) {
        upstream.error = error;
        throw error;
      }
    })(),
  );
  try {
    await checkLength(reader, MAX_HEADER_BYTES, source);
    await readHeader(reader, 1);
    while ((await reader.upTo(8)).length > 0) {
      await checkLength(reader, IPFS_DEFAULTS.maxBlockBytes + MAX_CID_BYTES, source);
      const { cid, blockLength } = await readBlockHead(reader);
      yield { cid, bytes: await reader.exactly(blockLength, true) };
    }
  } catch (error) {
    if (error instanceof IpfsError) throw error;
    if (upstream.error !== undefined) throw upstream.error;
    throw new IpfsError('IPFS_CAR_INVALID', `${source} sent a CAR that is malformed or cut short.`, { source }, error);
  }
}

// The varint ahead, not consumed: readHeader / readBlockHead read it again.
async function checkLength(reader: BytesReader, max: number, source: string): Promise<void> {
  const bytes = await reader.upTo(8);
  let value = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    value += (byte & 0x7f) * 2 ** (7 * i);
    if ((byte & 0x80) === 0) break;
  }
  if (value > max) {
    const message = `${source} announced a ${value}-byte CAR section, above the ${max}-byte cap: refused.`;
    throw new IpfsError('IPFS_BLOCK_TOO_LARGE', message, { source });
  }
}
