import { performance } from 'node:perf_hooks';

export async function time(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export function printRow(label: string, ms: number, detail: string): void {
  console.log(`  ${label.padEnd(28)} ${ms.toFixed(1).padStart(9)} ms   ${detail}`);
}

export function peakRssMiB(): string {
  return `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`;
}
