import { readdir, readFile, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanWorkspace } from '../src/core/scan/scan-workspace';
import { nodeFileSystem } from '../src/node/node-file-system';
import { writeScanCorpus } from './scan-corpus';
import { median, printRow, time } from './measure';

const FILES = 10_000;

/** The floor: walk the same tree, read every file and split it into lines — what any scanner must at least do. */
async function readAndSplit(root: string): Promise<number> {
  let lines = 0;
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  const queue = [...files];
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      for (let file = queue.shift(); file; file = queue.shift())
        lines += (await readFile(file, 'utf8')).split('\n').length;
    }),
  );
  return lines;
}

export async function scanBenchmark(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), 'image-trust-bench-'));
  try {
    const { bytes } = await writeScanCorpus(root, FILES);
    let references = 0;
    const scan = async () => {
      const result = await scanWorkspace(nodeFileSystem, [root]);
      references = result.references.length;
    };
    const floor = async () => void (await readAndSplit(root));
    await scan();
    await floor();
    const scanTimes: number[] = [];
    const floorTimes: number[] = [];
    for (let run = 0; run < 5; run++) {
      floorTimes.push(await time(floor));
      scanTimes.push(await time(scan));
    }
    const scanMs = median(scanTimes);
    const floorMs = median(floorTimes);
    console.log(`scan: ${FILES} files, ${(bytes / 1e6).toFixed(1)} MB, ${references} references (median of 5 runs)`);
    printRow(
      'image-trust scan',
      scanMs,
      `${Math.round(FILES / (scanMs / 1000))} files/s, ${(bytes / 1e6 / (scanMs / 1000)).toFixed(1)} MB/s`,
    );
    printRow('floor: read + split lines', floorMs, `${Math.round(FILES / (floorMs / 1000))} files/s`);
    console.log(
      `  ratio scan/floor: ${(scanMs / floorMs).toFixed(2)}x (goal <= 3x); whole corpus ${scanMs < 1000 ? 'under' : 'OVER'} 1 s`,
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
