import type { Descriptor } from './descriptor';
import { rawCidForDigest } from './digest-cid';

const IPFS_SCHEME = 'ipfs://';

/**
 * The CIDs a descriptor's `urls` name (`ipfs://<CID>`, as nerdctl writes them), all of them, in order. They are
 * hints: whatever they give is checked against the digest and size.
 */
export function cidsFromUrls(descriptor: Descriptor): string[] {
  return (descriptor.urls ?? [])
    .filter((url) => url.startsWith(IPFS_SCHEME))
    .map((url) => url.slice(IPFS_SCHEME.length).replace(/\/+$/, ''))
    .filter((cid) => cid !== '' && !cid.includes('/'));
}

/** Where to look for a blob on IPFS: its `urls` first, then the raw-CID guess when the blob fits one block. */
export function cidCandidates(descriptor: Descriptor): string[] {
  return candidateCids(descriptor).map((c) => c.cid);
}

/** The candidates, each marked when it is only the guess (no one said the blob is there: asked briefly). */
export function candidateCids(descriptor: Descriptor): { cid: string; guessed: boolean }[] {
  const fromUrls = cidsFromUrls(descriptor).map((cid) => ({ cid, guessed: false }));
  const guess = rawCidForDigest(descriptor.digest, descriptor.size);
  if (guess === undefined || fromUrls.some((c) => c.cid === guess)) return fromUrls;
  return [...fromUrls, { cid: guess, guessed: true }];
}

/** `ipfs://<CID>` → the CID text, or `undefined` when the text is not such a reference. */
export function parseIpfsReference(text: string): string | undefined {
  if (!text.startsWith(IPFS_SCHEME)) return undefined;
  const cid = text.slice(IPFS_SCHEME.length).replace(/\/+$/, '');
  return cid === '' || cid.includes('/') ? undefined : cid;
}

export function ipfsUrl(cid: string): string {
  return `${IPFS_SCHEME}${cid}`;
}
