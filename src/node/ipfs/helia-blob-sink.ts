import type { Helia } from '@helia/interface';
import type { UnixFS } from '@helia/unixfs';
import { fixedSize } from 'ipfs-unixfs-importer/chunker';
import { balanced } from 'ipfs-unixfs-importer/layout';
import type { IpfsBlobSink } from '../../core/ipfs/blob-source';
import { HELIA_DEFAULTS } from './helia-options';

/**
 * `add` into the embedded node with Kubo's `ipfs add --cid-version=1` layout (raw leaves, 256 KiB chunks,
 * balanced DAG of 174 links), so a blob gets the same CID nerdctl would record, and pinned as Kubo's add pins,
 * so a garbage collection keeps what was published.
 */
export function heliaBlobSink(helia: Helia, fs: UnixFS): IpfsBlobSink {
  return {
    name: 'helia',
    async add(bytes, { signal }) {
      const cid = await fs.addByteStream(bytes, {
        signal,
        cidVersion: 1,
        rawLeaves: true,
        chunker: fixedSize({ chunkSize: HELIA_DEFAULTS.chunkBytes }),
        layout: balanced({ maxChildrenPerNode: HELIA_DEFAULTS.maxChildrenPerNode }),
      });
      if (!(await helia.pins.isPinned(cid, { signal }))) {
        for await (const _pinned of helia.pins.add(cid, { signal }));
      }
      return cid.toString();
    },
  };
}
