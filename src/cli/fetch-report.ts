import type { FetchedImage } from '../core/ipfs/fetch-image';

/** One `fetch --format json` document. */
export interface FetchReport {
  target: string;
  output: string;
  /** What index.json lists. */
  entries: string[];
  blobs: {
    digest: string;
    mediaType: string;
    size: number;
    from: 'ipfs' | 'registry' | 'present';
    source: string | null;
    cid: string | null;
    failed: { source: string; cid: string | null; code: string }[];
  }[];
  error: string | null;
  code: string | null;
}

export function toReport(target: string, output: string, fetched: FetchedImage): FetchReport {
  return {
    target,
    output,
    entries: fetched.entries.map((e) => e.digest),
    blobs: fetched.blobs.map(({ descriptor, origin }) => ({
      digest: descriptor.digest,
      mediaType: descriptor.mediaType,
      size: descriptor.size,
      from: origin.from,
      source: origin.source ?? null,
      cid: origin.cid ?? null,
      failed: origin.failed.map((f) => ({ source: f.source, cid: f.cid ?? null, code: f.code })),
    })),
    error: null,
    code: null,
  };
}

/** Where each blob came from, one line each, then the totals by origin. */
export function reportText(report: FetchReport): string {
  if (report.error !== null)
    return `${report.target}\n  error: ${report.error}${report.code ? ` [${report.code}]` : ''}\n`;
  const lines = [`${report.target} → ${report.output}`];
  for (const blob of report.blobs) {
    const where = blob.from === 'ipfs' ? `ipfs ${blob.source} ${blob.cid}` : blob.from;
    const failed =
      blob.failed.length === 0 ? '' : ` (after ${blob.failed.map((f) => `${f.source}: ${f.code}`).join(', ')})`;
    lines.push(`  ${blob.digest.slice(0, 19)}  ${String(blob.size).padStart(10)}  ${where}${failed}`);
  }
  const count = (from: string) => report.blobs.filter((b) => b.from === from).length;
  lines.push(
    `  ${count('ipfs')} from IPFS, ${count('registry')} from the registry, ${count('present')} already present; all verified`,
  );
  return `${lines.join('\n')}\n`;
}
