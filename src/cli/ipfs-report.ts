import type { PublishRow } from './ipfs-publish';

/** `ipfs://<CID>  <reference>`, then each published blob bottom-up: CID, media type, digest, size. */
export function publishText(row: PublishRow): string {
  if (row.image === null) {
    return `${row.input}: ${row.error?.message ?? 'not published'}${row.error?.code ? ` (${row.error.code})` : ''}\n`;
  }
  const lines = row.image.blobs.map((blob) => {
    const was = blob.sourceDigest === blob.digest ? '' : ` (was ${blob.sourceDigest})`;
    return `  ${blob.cid}  ${blob.mediaType}  ${blob.digest}${was}  ${blob.size} B`;
  });
  return `${row.image.reference}  ${row.reference}\n${lines.join('\n')}\n`;
}
