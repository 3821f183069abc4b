/**
 * The clock of a fetch that waits for blocks: every `redialAfterMs` without one it asks for a redial (a lost
 * bitswap message is never resent otherwise), and after `idleTimeoutMs` it gives up. `waiting()` starts the
 * clock when the fetch waits, `stop()` pauses it while the consumer holds a chunk.
 */
export function stallWatch(
  limits: { idleTimeoutMs: number; redialAfterMs: number },
  redial: () => Promise<void>,
  giveUp: () => void,
) {
  let idle: NodeJS.Timeout | undefined;
  let nudge: NodeJS.Timeout | undefined;
  const stop = () => {
    clearTimeout(idle);
    clearInterval(nudge);
  };
  // A failed redial is not the fetch's failure: the idle timeout still decides, with its own code.
  const tryRedial = () => void redial().catch(() => undefined);
  return {
    waiting() {
      stop();
      idle = setTimeout(giveUp, limits.idleTimeoutMs);
      nudge = setInterval(tryRedial, limits.redialAfterMs);
    },
    stop,
  };
}
