import { describe, expect, it } from 'vitest';
import { progressReporter } from '../../src/cli/fetch-progress';

const MIB = 1024 * 1024;
const layer = { mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: 'sha256:00', size: 1 };

describe('fetch progress', () => {
  it('says bytes, rate and ETA, redrawn in place on a terminal, at most every interval', () => {
    let clock = 0;
    const written: string[] = [];
    const progress = progressReporter((t) => void written.push(t), { tty: true, everyMs: 250, now: () => clock });
    progress.onTotal(100 * MIB);
    clock = 1000;
    progress.onBytes(10 * MIB);
    clock = 1100;
    progress.onBytes(10 * MIB); // within 250 ms of the last line: not shown
    clock = 2000;
    progress.onBlob(layer, { from: 'ipfs', failed: [] });
    progress.onBytes(20 * MIB);
    progress.finish();
    expect(written).toEqual([
      '\r\x1b[Kfetched 10.0 of 100.0 MiB, 0 blobs, 10.0 MiB/s, ETA 9 s',
      '\r\x1b[Kfetched 40.0 of 100.0 MiB, 1 blobs, 20.0 MiB/s, ETA 3 s',
      '\r\x1b[Kfetched 40.0 of 100.0 MiB, 1 blobs, 20.0 MiB/s, ETA 3 s',
      '\n',
    ]);
  });

  it('writes whole lines when stderr is not a terminal', () => {
    const written: string[] = [];
    const progress = progressReporter((t) => void written.push(t), { tty: false, now: () => 500 });
    progress.onBytes(MIB);
    progress.finish();
    expect(written.every((line) => line.endsWith('\n') && !line.includes('\r'))).toBe(true);
    expect(written).toHaveLength(2);
  });
});
