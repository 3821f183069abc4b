import { describe, expect, it } from 'vitest';
import type { LogEvent, TransportRequest } from '../../../src/core/registry/ports';
import { withRetries } from '../../../src/core/registry/retry';
import { parseRetryAfter } from '../../../src/core/registry/retry-after';
import { fakeClock, fakeTransport, reply } from './fakes';

const policy = { retries: 3, baseDelayMs: 100, maxDelayMs: 250, retryAfterMaxMs: 60_000 };
const get: TransportRequest = { method: 'GET', url: new URL('https://reg.test/v2/'), headers: {}, maxBytes: 10 };

function answering(...statuses: [number, Record<string, string>?][]) {
  let n = 0;
  return fakeTransport((request) => {
    const [status, headers] = statuses[Math.min(n++, statuses.length - 1)] ?? [200];
    return reply(request, status, headers);
  });
}

describe('withRetries', () => {
  it('retries 5xx with exponential back-off capped at the maximum', async () => {
    const clock = fakeClock();
    const transport = answering([503], [502], [500], [200]);
    const response = await withRetries(transport, clock, policy)(get);
    expect(response.status).toBe(200);
    expect(clock.sleeps).toEqual([100, 200, 250]);
  });

  it('returns the last 5xx when retries run out', async () => {
    const clock = fakeClock();
    const response = await withRetries(answering([503]), clock, policy)(get);
    expect(response.status).toBe(503);
    expect(clock.sleeps).toHaveLength(3);
  });

  it('waits as long as Retry-After says on 429, in seconds or as a date', async () => {
    const clock = fakeClock();
    const date = new Date(clock.now() + 7_000).toUTCString();
    const transport = answering([429, { 'retry-after': '2' }], [429, { 'retry-after': date }], [200]);
    const logs: LogEvent[] = [];
    expect((await withRetries(transport, clock, policy, (e) => logs.push(e))(get)).status).toBe(200);
    expect(logs).toContainEqual(expect.objectContaining({ level: 'warn', registry: 'reg.test' }));
    expect(clock.sleeps).toEqual([2_000, 5_000]); // the date is 7 s from the start, 2 s of which passed
  });

  it('fails with RATE_LIMITED naming the registry and the wait when 429 persists', async () => {
    const clock = fakeClock();
    const error = withRetries(answering([429, { 'retry-after': '3' }]), clock, policy)(get);
    await expect(error).rejects.toMatchObject({
      code: 'RATE_LIMITED',
      details: { registry: 'reg.test', waitMs: 3000 },
    });
  });

  it('does not wait for a Retry-After beyond the cap', async () => {
    const clock = fakeClock();
    const error = withRetries(answering([429, { 'retry-after': '3600' }]), clock, policy)(get);
    await expect(error).rejects.toMatchObject({ code: 'RATE_LIMITED', details: { waitMs: 3_600_000 } });
    expect(clock.sleeps).toEqual([]);
  });

  it.each([400, 401, 403, 404])('never retries %i', async (status) => {
    const transport = answering([status], [200]);
    expect((await withRetries(transport, fakeClock(), policy)(get)).status).toBe(status);
    expect(transport.requests).toHaveLength(1);
  });

  it('never retries a POST', async () => {
    const transport = answering([503], [200]);
    const post = { ...get, method: 'POST' as const };
    expect((await withRetries(transport, fakeClock(), policy)(post)).status).toBe(503);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds, an HTTP date, and nothing else', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
