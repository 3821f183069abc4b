import { describe, expect, it } from 'vitest';
import { cidCandidates, cidsFromUrls, parseIpfsReference } from '../../../src/core/ipfs/descriptor-cids';
import { digestForRawCid, parseCid, rawCidForDigest } from '../../../src/core/ipfs/digest-cid';
import { addFile, MemoryBlockstore } from '../../rig/ipfs-gateway-store';
import { sha256 } from './image-fixture';

// nerdctl docs/ipfs.md: the image config sha256:7b1a6ab2… is published as this raw CID.
const NERDCTL_DIGEST = 'sha256:7b1a6ab2e44dbac178598dabe7cff59bd67233dba0b27e4fbd1f9d4b3c877a54';
const NERDCTL_CID = 'bafkreid3djvlfzcnxlaxqwmnvpt475m32zzdhw5awj7e7pi7tvftzb32kq';

describe('digest ↔ raw CID', () => {
  it('round-trips the pair nerdctl documents', () => {
    expect(rawCidForDigest(NERDCTL_DIGEST, 1000)).toBe(NERDCTL_CID);
    expect(digestForRawCid(parseCid(NERDCTL_CID))).toBe(NERDCTL_DIGEST);
  });

  it.each([1, 256 * 1024, 1024 * 1024])(
    'matches what a UnixFS import of %i bytes yields as one raw block',
    async (size) => {
      const bytes = new Uint8Array(size).fill(7);
      const cid = await addFile(new MemoryBlockstore(), bytes, 1024 * 1024);
      expect(rawCidForDigest(sha256(bytes), size)).toBe(cid.toString());
    },
  );

  it('makes no guess above one block or for sha512, and maps no dag-pb CID back', async () => {
    expect(rawCidForDigest(NERDCTL_DIGEST, 1024 * 1024 + 1)).toBeUndefined();
    expect(rawCidForDigest(`sha512:${'a'.repeat(128)}`, 10)).toBeUndefined();
    const dagPb = await addFile(new MemoryBlockstore(), new Uint8Array(300 * 1024));
    expect(digestForRawCid(dagPb)).toBeUndefined();
  });

  it('refuses text that is not a CID with IPFS_CID_INVALID', () => {
    expect(() => parseCid('bafy-not-a-cid')).toThrow(expect.objectContaining({ code: 'IPFS_CID_INVALID' }));
  });
});

describe('CID hints of a descriptor', () => {
  const descriptor = {
    mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
    digest: NERDCTL_DIGEST,
    size: 100,
    urls: ['https://mirror.example/blob', 'ipfs://bafyfirst', 'ipfs://bafysecond/'],
  };

  it('takes every ipfs:// URL in order, then the raw guess', () => {
    expect(cidsFromUrls(descriptor)).toEqual(['bafyfirst', 'bafysecond']);
    expect(cidCandidates(descriptor)).toEqual(['bafyfirst', 'bafysecond', NERDCTL_CID]);
    expect(cidCandidates({ ...descriptor, size: 5 * 1024 * 1024 })).toEqual(['bafyfirst', 'bafysecond']);
  });

  it('reads ipfs://CID references and nothing else', () => {
    expect(parseIpfsReference(`ipfs://${NERDCTL_CID}`)).toBe(NERDCTL_CID);
    expect(parseIpfsReference(`ipfs://${NERDCTL_CID}/sub/path`)).toBeUndefined();
    expect(parseIpfsReference('docker.io/library/alpine')).toBeUndefined();
  });
});
