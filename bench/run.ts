import { checkBenchmark } from './check-bench';
import { hoverBenchmark } from './hover-bench';
import { ipfsBenchmark } from './ipfs-bench';
import { peakRssMiB } from './measure';
import { notaryBenchmark } from './notary-bench';
import { resolveBenchmark } from './resolve-bench';
import { scanBenchmark } from './scan-bench';

/** `npm run bench`: every benchmark prints its ratio against a peer or a floor measured in the same run. */
const benchmarks: Record<string, () => Promise<void>> = {
  scan: scanBenchmark,
  hover: hoverBenchmark,
  resolve: resolveBenchmark,
  notary: notaryBenchmark,
  check: checkBenchmark,
  ipfs: ipfsBenchmark,
};

const only = process.argv.slice(2);
for (const [name, run] of Object.entries(benchmarks)) {
  if (only.length > 0 && !only.includes(name)) continue;
  await run();
}
console.log(`peak RSS: ${peakRssMiB()}`);
