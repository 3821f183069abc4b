import type { KuboRPCClient } from 'kubo-rpc-client';
import type { IpfsBlobSink, IpfsBlobSource } from '../../core/ipfs/blob-source';
import { readCarBlocks } from '../../core/ipfs/car-blocks';
import { IPFS_DEFAULTS } from '../../core/ipfs/defaults';
import { parseCid } from '../../core/ipfs/digest-cid';
import { IpfsError } from '../../core/ipfs/ipfs-error';
import type { CreateHash } from '../../core/ipfs/ports';
import { walkUnixfsFile } from '../../core/ipfs/unixfs-block-walk';
import { mapFailures, toIpfsFailure } from './ipfs-failure';
import { kuboAdd } from './kubo-add';
import { guarded, stallGuard } from './stall-guard';

export interface KuboRpcOptions {
  /** The API root, `http://127.0.0.1:5001/api/v0` (see findKuboApi). */
  url: string;
  createHash: CreateHash;
  stallTimeoutMs?: number;
}

/**
 * A Kubo daemon over its RPC API. `dag/export` first: a CAR whose every block is checked against its CID
 * (blocks it leaves out are read with `block/get`, checked too); when the daemon cannot export, `cat`, which
 * the daemon does not let us check per block — the OCI digest check after it still does.
 */
export async function createKuboRpcSource(options: KuboRpcOptions): Promise<IpfsBlobSource> {
  const client = await kuboClient(options.url);
  const stallMs = options.stallTimeoutMs ?? IPFS_DEFAULTS.stallTimeoutMs;
  const source = 'kubo-rpc';
  return {
    name: source,
    async *cat(cidText, { signal }) {
      const cid = parseCid(cidText);
      const guard = stallGuard(signal, stallMs, source);
      const exported = await startExport(client, cid, guard.signal).catch((error: unknown) => {
        // Only a daemon that cannot export is asked to `cat`; absence, a timeout or a cancel end the attempt.
        const failure = toIpfsFailure(guard.reason() ?? error, source, cidText);
        if (guard.signal.aborted || !(failure instanceof IpfsError) || failure.code !== 'IPFS_UNAVAILABLE')
          throw failure;
        return undefined;
      });
      const chunks =
        exported === undefined
          ? client.cat(cid, { signal: guard.signal })
          : walkUnixfsFile(cid, {
              ordered: exported,
              fetchBlock: (c) => client.block.get(c, { signal: guard.signal }),
              createHash: options.createHash,
              source,
            });
      yield* mapFailures(guarded(chunks, guard), source, cidText);
    },
  };
}

/** Adds blobs as `ipfs add --cid-version=1 --pin` does (the daemon's chunker and DAG settings apply, as for nerdctl). */
export function createKuboRpcSink(url: string): Promise<IpfsBlobSink> {
  return Promise.resolve({
    name: 'kubo-rpc',
    add: async (bytes, { signal }) => {
      const source = watched(bytes);
      try {
        return await kuboAdd(url, source.chunks, signal);
      } catch (error) {
        throw source.failure() ?? toIpfsFailure(error, 'kubo-rpc', '(add)');
      }
    },
  });
}

// A failure of the bytes' source (a registry that lied) is the caller's to report as it is: it must not be
// mapped to a Kubo failure.
function watched(bytes: AsyncIterable<Uint8Array>) {
  let failure: unknown;
  async function* chunks() {
    try {
      yield* bytes;
    } catch (error) {
      failure = error;
      throw error;
    }
  }
  return { chunks: chunks(), failure: () => failure };
}

// Loaded when a Kubo backend is used, so other commands do not pay for the client.
async function kuboClient(url: string): Promise<KuboRPCClient> {
  const { create } = await import('kubo-rpc-client');
  return create({ url });
}

// The export's first block is awaited here, so a daemon that cannot export is found out before the walk starts.
async function startExport(client: KuboRPCClient, cid: ReturnType<typeof parseCid>, signal: AbortSignal) {
  const blocks = readCarBlocks(client.dag.export(cid, { signal }), 'kubo-rpc');
  const first = await blocks.next();
  return (async function* () {
    if (!first.done) yield first.value;
    yield* blocks;
  })();
}
