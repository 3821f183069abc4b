import { describe, expect, it } from 'vitest';
import { parseRateLimit } from '../../../src/core/registry/rate-limit';

describe('parseRateLimit', () => {
  it("reads Docker Hub's headers with their window", () => {
    const headers = { 'ratelimit-limit': ['100;w=21600'], 'ratelimit-remaining': ['76;w=21600'] };
    expect(parseRateLimit(headers)).toEqual({ limit: 100, remaining: 76, windowSeconds: 21600 });
  });

  it('yields nothing without both headers', () => {
    expect(parseRateLimit({ 'ratelimit-limit': ['100'] })).toBeUndefined();
  });
});
