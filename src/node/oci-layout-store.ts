import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Descriptor } from '../core/ipfs/descriptor';
import { IpfsError } from '../core/ipfs/ipfs-error';
import type { BlobStore, BlobTempFile, CreateHash } from '../core/ipfs/ports';
import { parseDigest } from '../core/registry/digest';
import { partialBlobPath, removeStaleIndexPartials, removeStalePartials } from './partial-blob-files';

const LAYOUT_FILE = JSON.stringify({ imageLayoutVersion: '1.0.0' });
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

/** An OCI image layout directory (image-spec image-layout.md) that skopeo and umoci read. */
export interface OciLayoutStore extends BlobStore {
  readonly dir: string;
  /** Adds `entries` to index.json (replacing entries of the same digest), written atomically. */
  writeIndex(entries: Descriptor[]): Promise<void>;
}

/**
 * Creates `dir` (and `oci-layout`) when missing; blobs appear under `blobs/<alg>/<hex>` only once verified. Temp
 * files an earlier, killed fetch left in `blobs/` are removed.
 */
export async function createOciLayoutStore(dir: string, createHash: CreateHash): Promise<OciLayoutStore> {
  await guarded(`create the OCI layout ${dir}`, async () => {
    await mkdir(join(dir, 'blobs'), { recursive: true });
    await writeFile(join(dir, 'oci-layout'), LAYOUT_FILE, { flag: 'wx' }).catch(ignoreExists);
  });
  await guarded(`remove abandoned temp files from ${dir}`, async () => {
    await removeStalePartials(join(dir, 'blobs'));
    await removeStaleIndexPartials(dir);
  });
  return {
    dir,
    hasBlob: (digest, size) => holdsBlob(blobPath(dir, digest), digest, size, createHash),
    openBlob: (digest) => openTempBlob(dir, digest),
    writeIndex: (entries) => guarded(`write ${join(dir, 'index.json')}`, () => mergeIndex(dir, entries)),
  };
}

function blobPath(dir: string, digest: string): string {
  const parsed = parseDigest(digest);
  if (parsed === undefined) throw new IpfsError('IPFS_DESCRIPTOR_INVALID', `${digest} is not a digest.`, { digest });
  return join(dir, 'blobs', parsed.algorithm, parsed.hex);
}

// A blob already in the layout is re-hashed: a file on disk is not trusted more than the network.
async function holdsBlob(path: string, digest: string, size: number, createHash: CreateHash): Promise<boolean> {
  const found = await stat(path).catch(() => undefined);
  if (found?.size !== size) return false;
  const hash = createHash(digest.split(':')[0] ?? '');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return `${digest.split(':')[0]}:${hash.digest()}` === digest;
}

async function openTempBlob(dir: string, digest: string): Promise<BlobTempFile> {
  const final = blobPath(dir, digest);
  const temp = partialBlobPath(join(dir, 'blobs'), digest);
  const handle = await guarded(`create ${temp}`, async () => {
    await mkdir(join(final, '..'), { recursive: true });
    return open(temp, 'wx');
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  return {
    write: (bytes) => guarded(`write ${temp}`, async () => void (await handle.write(bytes))),
    commit: () => guarded(`commit ${final}`, async () => (await close(), await rename(temp, final))),
    discard: async () => {
      await close().catch(() => undefined);
      await unlink(temp).catch(() => undefined);
    },
  };
}

async function mergeIndex(dir: string, entries: Descriptor[]): Promise<void> {
  const path = join(dir, 'index.json');
  const existing = await readFile(path, 'utf8').catch(() => undefined);
  const previous = existing === undefined ? [] : (JSON.parse(existing).manifests as Descriptor[]);
  const digests = new Set(entries.map((e) => e.digest));
  const manifests = [...previous.filter((m) => !digests.has(m.digest)), ...entries];
  // Named like the blobs' temp files, so a killed run's is swept as theirs are; beside index.json, so the rename
  // never crosses file systems (blobs/ may be a mount).
  const temp = partialBlobPath(dir, 'index.json');
  try {
    await writeFile(temp, JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests }), { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

async function guarded<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof IpfsError) throw error;
    const code = String((error as { code?: unknown }).code ?? 'unknown');
    throw new IpfsError('IPFS_WRITE_FAILED', `Could not ${what} (${code}).`, {}, error);
  }
}

function ignoreExists(error: unknown): void {
  if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
}
