import { performance } from 'node:perf_hooks';
import type { Progress } from '../src/cli/check-progress';
import type { Transport } from '../src/core/registry/ports';

/** What a request asked for, without the repository and digest: `GET manifest by digest`, `HEAD .sig tag`, … */
function requestKind(method: string, path: string): string {
  const manifest = /\/manifests\/(.+)$/.exec(path)?.[1];
  if (manifest !== undefined) {
    const what = manifest.endsWith('.sig')
      ? '.sig tag'
      : /^sha256-[0-9a-f]{64}$/.test(manifest)
        ? 'referrers tag'
        : manifest.startsWith('sha256:')
          ? 'manifest by digest'
          : 'manifest by tag';
    return `${method} ${what}`;
  }
  if (path.includes('/referrers/')) return `${method} referrers API`;
  if (path.includes('/tags/list')) return `${method} tags/list`;
  if (path.includes('/blobs/')) return `${method} blob`;
  return `${method} ${path}`;
}

/** Counts the requests of one check by kind, split at the start of the verify stage. */
export function countRequests(transport: Transport) {
  let stage = 'resolve';
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  const waits = new Map<string, number>();
  const counted: Transport = (request) => {
    const path = request.url.pathname + request.url.search;
    // A manifest GET by digest the check has already made (a second fetch of the same bytes).
    const again = request.method === 'GET' && path.includes('/manifests/sha256:') && seen.has(path) ? ' (again)' : '';
    if (request.method === 'GET') seen.add(path);
    const key = `${stage}: ${requestKind(request.method, path)}${again}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const start = performance.now();
    const answered = transport(request);
    void answered.then(() => waits.set(key, (waits.get(key) ?? 0) + performance.now() - start)).catch(() => undefined);
    return answered;
  };
  const progress: Progress = {
    stage(name) {
      if (name === 'verifying') stage = 'verify';
      return () => undefined;
    },
  };
  const total = (prefix: string) =>
    [...counts].filter(([key]) => key.startsWith(prefix)).reduce((sum, [, n]) => sum + n, 0);
  return { transport: counted, progress, counts, waits, total };
}
