import { CoreError } from '../core/errors';
import type { IpfsBlobSink } from '../core/ipfs/blob-source';
import { publishImage, type PublishedImage } from '../core/ipfs/publish-image';
import { registryBlobReader, registryTopDescriptor } from '../core/ipfs/registry-blob-reader';
import { parseNormalizedNamed, referenceString } from '../core/reference';
import type { RegistryClient } from '../core/registry/client-types';
import { createNodeHash } from '../node/ipfs/node-hash';
import { webCryptoHash } from '../core/registry/digest';
import { UsageError } from './cli-io';

export interface PinnedRef {
  input: string;
  reference: string;
  domain: string;
  path: string;
  digest: string;
}

/** One JSON row per image given to `ipfs add` / `ipfs serve --add`. */
export interface PublishRow {
  input: string;
  reference: string;
  image: PublishedImage | null;
  error: { code: string | null; message: string } | null;
}

/** A pinned reference from the command line; anything else is a usage error, found before a node starts. */
export function parsePinnedReference(input: string): PinnedRef {
  const parsed = parseNormalizedNamed(input);
  if (!parsed.ok) throw new UsageError(`${input} is not an image reference: ${parsed.error.message}`);
  const { domain, path, digest } = parsed.value;
  if (digest === undefined) {
    throw new UsageError(
      `${input} has no digest: publish a pinned reference (IMAGE@sha256:…), e.g. from 'image-trust resolve'`,
    );
  }
  return { input, reference: referenceString(parsed.value), domain, path, digest };
}

/**
 * Publishes IMAGE@DIGEST from its registry into `sink` in nerdctl's form. Only a digest is published: what
 * goes to IPFS is exactly what the user pinned, never whatever a tag points at this minute.
 */
export async function publishFromRegistry(
  ref: PinnedRef,
  client: RegistryClient,
  sink: IpfsBlobSink,
  signal: AbortSignal,
): Promise<PublishRow> {
  try {
    const top = await registryTopDescriptor(client, ref, signal);
    const reader = registryBlobReader(client, { domain: ref.domain, path: ref.path }, createNodeHash);
    const image = await publishImage({ reader, sink, hash: webCryptoHash }, top, signal);
    return { input: ref.input, reference: ref.reference, image, error: null };
  } catch (error) {
    return failed(ref.input, ref.reference, error);
  }
}

function failed(input: string, reference: string, error: unknown): PublishRow {
  const message = error instanceof Error ? error.message : String(error);
  return { input, reference, image: null, error: { code: error instanceof CoreError ? error.code : null, message } };
}
