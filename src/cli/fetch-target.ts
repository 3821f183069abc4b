import { parseIpfsReference } from '../core/ipfs/descriptor-cids';
import { parseNormalizedNamed, referenceString } from '../core/reference';
import { UsageError } from './cli-io';

/** What `fetch` was asked for: an image CID, or a pinned registry reference. */
export type FetchTarget =
  | { kind: 'ipfs'; input: string; cid: string; tag: string }
  | { kind: 'registry'; input: string; reference: string; domain: string; path: string; digest: string; tag: string };

/** `index.json` names the image by the reference's tag (umoci finds images by it); `latest` when there is none. */
export function parseFetchTarget(input: string): FetchTarget {
  if (input.startsWith('ipfs://')) {
    const cid = parseIpfsReference(input);
    if (cid === undefined) throw new UsageError(`${input} is not an ipfs://<CID> reference (no paths)`);
    return { kind: 'ipfs', input, cid, tag: 'latest' };
  }
  const parsed = parseNormalizedNamed(input);
  if (!parsed.ok) throw new UsageError(`${input} is not an image reference: ${parsed.error.message}`);
  const { domain, path, digest, tag } = parsed.value;
  if (digest === undefined) {
    throw new UsageError(
      `${input} has no digest: fetch a pinned reference (IMAGE@sha256:…), e.g. from 'image-trust resolve'`,
    );
  }
  return {
    kind: 'registry',
    input,
    reference: referenceString(parsed.value),
    domain,
    path,
    digest,
    tag: tag ?? 'latest',
  };
}

/** `./<name>-<12 hex>` beside the working directory when --output is not given. */
export function defaultOutputName(target: FetchTarget): string {
  if (target.kind === 'ipfs') return `ipfs-${target.cid.slice(-12)}`;
  return `${target.path.split('/').at(-1)}-${target.digest.split(':')[1]?.slice(0, 12)}`;
}
