/**
 * Runs `task` over `items`, at most `limit` at once, results in the order of `items`. After the first failure no
 * new item starts, `onFailure` runs (to abort the others), and every running task is waited for — so none is
 * left writing — before the first failure is thrown.
 */
export async function runPool<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
  onFailure: () => void = () => undefined,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let failure: { error: unknown } | undefined;
  let next = 0;
  const worker = async () => {
    while (failure === undefined && next < items.length) {
      const index = next++;
      try {
        results[index] = await task(items[index] as T);
      } catch (error) {
        if (failure === undefined) {
          failure = { error };
          onFailure();
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== undefined) throw failure.error;
  return results;
}
