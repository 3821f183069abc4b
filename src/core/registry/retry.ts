import type { Clock, Log, Transport, TransportRequest, TransportResponse } from './ports';
import { RegistryError } from './registry-error';
import { parseRetryAfter } from './retry-after';

export interface RetryPolicy {
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A longer Retry-After is not waited for. */
  retryAfterMaxMs: number;
}

const RETRIED_5XX = new Set([500, 502, 503, 504]);

/**
 * Bounded retries with exponential back-off for idempotent requests: on 500/502/503/504 and on 429 (honouring
 * Retry-After, capped). Other 4xx are answers, never retried. An exhausted 429 becomes RATE_LIMITED; an exhausted
 * 5xx is returned for the caller to report.
 */
export function withRetries(transport: Transport, clock: Clock, policy: RetryPolicy, log?: Log): Transport {
  return async (request) => {
    if (request.method === 'POST') return transport(request);
    for (let attempt = 0; ; attempt += 1) {
      const response = await transport(request);
      const wait = retryDelay(response, attempt, policy, clock.now());
      if (wait === undefined) return response;
      if (attempt >= policy.retries || wait > policy.retryAfterMaxMs) {
        if (response.status === 429) throw rateLimited(request, wait);
        return response;
      }
      const message = `HTTP ${response.status}; retrying in ${Math.ceil(wait / 1000)} s`;
      log?.({ level: 'warn', message, registry: request.url.host });
      await clock.sleep(wait, request.signal);
    }
  };
}

function retryDelay(response: TransportResponse, attempt: number, policy: RetryPolicy, now: number) {
  const backoff = Math.min(policy.baseDelayMs * 2 ** attempt, policy.maxDelayMs);
  if (response.status === 429) return parseRetryAfter(response.headers['retry-after']?.[0], now) ?? backoff;
  if (RETRIED_5XX.has(response.status)) return backoff;
  return undefined;
}

function rateLimited(request: TransportRequest, waitMs: number): RegistryError {
  const registry = request.url.host;
  const seconds = Math.ceil(waitMs / 1000);
  const message = `${registry} is rate limiting requests: retry in ${seconds} s, or log in for a higher limit.`;
  return new RegistryError('RATE_LIMITED', message, { registry, waitMs, status: 429 });
}
