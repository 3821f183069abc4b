/** One answer of the referrers API: the index when it has one, and whether it said the API does not exist. */
export interface ReferrersAnswer<T> {
  value: T | undefined;
  /** A 404 or 405 without an OCI index: the registry has no referrers API (OCI distribution 1.1). */
  absent: boolean;
}

/**
 * Whether one registry has the referrers API, learnt from its first answer and kept for the life of the session,
 * so later digests go straight to the tag-schema fallback (the spec's "Unavailable Referrers API"). Requests made
 * before the first answer wait for it instead of all asking; a failed first request (a 5xx) teaches nothing.
 */
export class ReferrersSupport {
  private learnt: Promise<boolean> | undefined;

  /** `signal` ends the wait for the first answer too (a cancelled hover does not wait for another's request). */
  async ask<T>(request: () => Promise<ReferrersAnswer<T>>, signal?: AbortSignal): Promise<T | undefined> {
    const known = this.learnt;
    if (known !== undefined) return (await untilAborted(known, signal)) ? (await request()).value : undefined;
    const first = request();
    this.learnt = first.then(
      (answer) => !answer.absent,
      () => {
        this.learnt = undefined;
        return true;
      },
    );
    return (await first).value;
  }
}

function untilAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (signal === undefined) return promise;
  signal.throwIfAborted();
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    void promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
