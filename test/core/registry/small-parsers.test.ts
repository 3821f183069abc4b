import { describe, expect, it } from 'vitest';
import { parseErrorCodes } from '../../../src/core/registry/error-body';
import { parseRateLimit } from '../../../src/core/registry/rate-limit';
import { apiHost, isLoopback, plainHttpAllowed } from '../../../src/core/registry/registry-host';
import { Semaphore } from '../../../src/core/registry/semaphore';

describe('parseRateLimit', () => {
  it("reads Docker Hub's headers with their window", () => {
    const headers = { 'ratelimit-limit': ['100;w=21600'], 'ratelimit-remaining': ['76;w=21600'] };
    expect(parseRateLimit(headers)).toEqual({ limit: 100, remaining: 76, windowSeconds: 21600 });
  });

  it('yields nothing without both headers', () => {
    expect(parseRateLimit({ 'ratelimit-limit': ['100'] })).toBeUndefined();
  });
});

describe('parseErrorCodes', () => {
  it('lists the codes of a distribution error body', () => {
    const body = JSON.stringify({ errors: [{ code: 'NAME_UNKNOWN', message: 'x' }, { code: 'DENIED' }] });
    expect(parseErrorCodes(new TextEncoder().encode(body))).toEqual(['NAME_UNKNOWN', 'DENIED']);
    expect(parseErrorCodes(new TextEncoder().encode('not json'))).toEqual([]);
  });
});

describe('registry hosts', () => {
  it("serves Docker Hub's API from registry-1.docker.io", () => {
    expect(apiHost('docker.io')).toBe('registry-1.docker.io');
    expect(apiHost('index.docker.io')).toBe('registry-1.docker.io');
    expect(apiHost('Ghcr.io')).toBe('ghcr.io');
  });

  it('allows plain HTTP only to loopback and registries marked insecure', () => {
    expect(isLoopback('127.0.0.1:5000')).toBe(true);
    expect(isLoopback('[::1]:5000')).toBe(true);
    expect(isLoopback('localhost')).toBe(true);
    expect(isLoopback('127.example.com')).toBe(false);
    expect(plainHttpAllowed('registry.lan:5000', [])).toBe(false);
    expect(plainHttpAllowed('registry.lan:5000', ['Registry.lan:5000'])).toBe(true);
    expect(plainHttpAllowed('registry.lan', ['registry.lan:5000'])).toBe(false);
  });
});

describe('Semaphore', () => {
  it('runs at most `limit` tasks at once', async () => {
    const semaphore = new Semaphore(2);
    let running = 0;
    let peak = 0;
    const task = async () => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
    };
    await Promise.all(Array.from({ length: 6 }, () => semaphore.run(task)));
    expect(peak).toBe(2);
  });

  it('frees the slot when a task fails', async () => {
    const semaphore = new Semaphore(1);
    await expect(semaphore.run(() => Promise.reject(new Error('x')))).rejects.toThrow();
    await expect(semaphore.run(() => Promise.resolve(1))).resolves.toBe(1);
  });
});
