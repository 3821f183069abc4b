/** Like Promise.all, but waits for every task before failing, so nothing is still starting during clean-up. */
export async function settleAll<T extends readonly unknown[]>(tasks: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const results = await Promise.allSettled(tasks);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed !== undefined) throw failed.reason;
  return results.map((r) => (r.status === 'fulfilled' ? r.value : undefined)) as unknown as T;
}
