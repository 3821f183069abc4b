import { describe, expect, it } from 'vitest';
import { SharedFlights, type FlightOutcome } from '../../../src/core/features/shared-flights';

function deferred() {
  let resolve: (value: string) => void = () => {};
  const promise = new Promise<string>((settle) => (resolve = settle));
  return { promise, resolve };
}

describe('SharedFlights', () => {
  function flights() {
    const settled: [string, FlightOutcome<string>][] = [];
    const shared = new SharedFlights<string>({
      started: () => {},
      settled: (key, outcome) => settled.push([key, outcome]),
    });
    return { shared, settled };
  }

  it('runs a key once for every caller that wants it', async () => {
    const { shared, settled } = flights();
    const work = deferred();
    let runs = 0;
    const run = () => ((runs += 1), work.promise);
    const waits = [
      shared.join('k', run, new AbortController().signal),
      shared.join('k', run, new AbortController().signal),
    ];
    work.resolve('v');
    await Promise.all(waits);
    expect(runs).toBe(1);
    expect(settled).toEqual([['k', { kind: 'value', value: 'v' }]]);
  });

  it('keeps running while one caller still waits, and aborts when the last one leaves', async () => {
    const { shared, settled } = flights();
    let signal: AbortSignal | undefined;
    const run = (abort: AbortSignal) => {
      signal = abort;
      return new Promise<string>((_, reject) => abort.addEventListener('abort', () => reject(new Error('aborted'))));
    };
    const first = new AbortController();
    const second = new AbortController();
    const waits = [shared.join('k', run, first.signal), shared.join('k', run, second.signal)];
    first.abort();
    await waits[0];
    expect(signal?.aborted).toBe(false);
    second.abort();
    await Promise.all(waits);
    await Promise.resolve();
    expect(signal?.aborted).toBe(true);
    expect(settled).toEqual([['k', { kind: 'aborted' }]]);
    expect(shared.has('k')).toBe(false);
  });
});
