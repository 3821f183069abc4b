export interface RateLimit {
  limit: number;
  remaining: number;
  /** The window the numbers apply to, from `;w=`. */
  windowSeconds?: number;
}

/** Docker Hub's `ratelimit-limit: 100;w=21600` and `ratelimit-remaining: 76;w=21600`; `undefined` when absent. */
export function parseRateLimit(headers: Record<string, string[]>): RateLimit | undefined {
  const limit = parseQuota(headers['ratelimit-limit']?.[0]);
  const remaining = parseQuota(headers['ratelimit-remaining']?.[0]);
  if (limit === undefined || remaining === undefined) return undefined;
  const windowSeconds = remaining.window ?? limit.window;
  return { limit: limit.value, remaining: remaining.value, ...(windowSeconds === undefined ? {} : { windowSeconds }) };
}

function parseQuota(value: string | undefined): { value: number; window?: number } | undefined {
  const match = value === undefined ? null : /^\s*(\d+)(?:\s*;\s*w=(\d+))?/.exec(value);
  if (match === null) return undefined;
  return { value: Number(match[1]), ...(match[2] === undefined ? {} : { window: Number(match[2]) }) };
}
