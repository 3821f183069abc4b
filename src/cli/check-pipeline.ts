import { performance } from 'node:perf_hooks';
import { judge, parseIgnoreComments, type Finding, type IgnoreComment, type Policy } from '../core/policy';
import type { RegistryClient } from '../core/registry/client-types';
import type { WorkspaceScan } from '../core/scan/image-ref';
import { readTextFile } from '../core/scan/read-text-file';
import { SCAN_DEFAULTS } from '../core/scan/scan-defaults';
import { nodeFileSystem } from '../node/node-file-system';
import type { Progress } from './check-progress';
import { resolveReferences, type ResolvedRefs } from './check-resolve';
import { verifyReferences, type Unverified, type VerifiedRefs, type VerifyDeps, type VerifyPlan } from './check-verify';

/** Registry answers that mean "could not ask", not "the answer is no": the check did not complete. */
const INCOMPLETE_CODES: ReadonlySet<string> = new Set([
  'REGISTRY_NETWORK',
  'REGISTRY_TIMEOUT',
  'REGISTRY_UNAVAILABLE',
  'RATE_LIMITED',
  'TUF_UNAVAILABLE',
]);

export interface CheckDeps extends VerifyDeps {
  client: RegistryClient;
  plan: VerifyPlan;
  policy: Policy;
  progress: Progress;
  referenceTime: number;
}

export interface CheckRun {
  scan: WorkspaceScan;
  resolved: ResolvedRefs;
  verified: VerifiedRefs;
  findings: Finding[];
  /** References whose resolution or verification could not run to its end (exit status 3). */
  incomplete: Unverified[];
  timings: { scanMs: number; resolveMs: number; verifyMs: number; judgeMs: number };
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}

/** The ignore comments of every file that has references (the scanner keeps no texts). */
async function readIgnoreComments(scan: WorkspaceScan): Promise<Map<string, IgnoreComment[]>> {
  const files = [...new Set(scan.references.map((ref) => ref.file))];
  const read = await Promise.all(files.map((file) => readTextFile(nodeFileSystem, file, SCAN_DEFAULTS.maxFileBytes)));
  return new Map(files.map((file, i) => [file, read[i]?.ok ? parseIgnoreComments(read[i].text) : []]));
}

function incompleteOf(scan: WorkspaceScan, resolved: ResolvedRefs, verified: VerifiedRefs): Unverified[] {
  const unresolved = scan.references.flatMap((ref): Unverified[] => {
    const state = resolved.stateOf(ref);
    return state?.kind === 'failed' && INCOMPLETE_CODES.has(state.code)
      ? [{ ref, code: state.code, message: state.message }]
      : [];
  });
  const untrusted = scan.references.flatMap((ref): Unverified[] =>
    (verified.trustOf(ref)?.dct?.failures ?? [])
      .filter((failure) => INCOMPLETE_CODES.has(failure.code))
      .map((failure) => ({ ref, code: failure.code, message: failure.message })),
  );
  return [...unresolved, ...verified.unverified, ...untrusted];
}

/** scan → resolve → verify → judge, each stage timed (the benchmark reads the split). */
export async function runCheck(scanWork: () => Promise<WorkspaceScan>, deps: CheckDeps): Promise<CheckRun> {
  const [{ scan, comments }, scanMs] = await timed(async () => {
    const scan = await scanWork();
    return { scan, comments: await readIgnoreComments(scan) };
  });
  const refs = scan.references;
  const [resolved, resolveMs] = await timed(() => resolveReferences(refs, deps.client, deps.progress));
  const [verified, verifyMs] = await timed(() =>
    verifyReferences(refs, (ref) => resolved.usedOf(ref), deps.plan, deps, deps.progress),
  );
  const [findings, judgeMs] = await timed(async () =>
    judge({
      refs,
      resolutionOf: (ref) => resolved.stateOf(ref),
      trustOf: (ref) => verified.trustOf(ref),
      policy: deps.policy,
      ignoreComments: (file) => comments.get(file) ?? [],
      referenceTime: deps.referenceTime,
    }),
  );
  const incomplete = incompleteOf(scan, resolved, verified);
  return { scan, resolved, verified, findings, incomplete, timings: { scanMs, resolveMs, verifyMs, judgeMs } };
}
