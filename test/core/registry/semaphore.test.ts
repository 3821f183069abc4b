import { describe, expect, it } from 'vitest';
import { Semaphore } from '../../../src/core/registry/semaphore';

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
