import type { Descriptor } from '../core/ipfs/descriptor';
import type { BlobOrigin } from '../core/ipfs/blob-attempts';
import type { FetchProgress } from '../core/ipfs/fetch-image';

const MIB = 1024 * 1024;

/**
 * Progress on stderr: bytes, rate and ETA, redrawn in place on a terminal at most every `everyMs`; a line per
 * interval otherwise (asked for with --progress). `now` is injected so the arithmetic is testable.
 */
export function progressReporter(
  write: (text: string) => void,
  options: { tty: boolean; everyMs?: number; now?: () => number },
): FetchProgress & { finish(): void } {
  const now = options.now ?? (() => performance.now());
  const everyMs = options.everyMs ?? (options.tty ? 250 : 2000);
  const started = now();
  let total = 0;
  let received = 0;
  let blobs = 0;
  let shownAt = -Infinity;
  const line = () => {
    const seconds = Math.max((now() - started) / 1000, 1e-3);
    const rate = received / seconds;
    const left = Math.max(total - received, 0);
    const eta = rate > 0 && total > 0 ? `, ETA ${Math.ceil(left / rate)} s` : '';
    return `fetched ${(received / MIB).toFixed(1)} of ${(total / MIB).toFixed(1)} MiB, ${blobs} blobs, ${(rate / MIB).toFixed(1)} MiB/s${eta}`;
  };
  const show = (force: boolean) => {
    if (!force && now() - shownAt < everyMs) return;
    shownAt = now();
    write(options.tty ? `\r\x1b[K${line()}` : `${line()}\n`);
  };
  return {
    onTotal: (bytes) => void (total = bytes),
    onBytes: (bytes) => {
      received += bytes;
      show(false);
    },
    onBlob: (_descriptor: Descriptor, _origin: BlobOrigin) => void (blobs += 1),
    finish: () => {
      show(true);
      if (options.tty) write('\n');
    },
  };
}
