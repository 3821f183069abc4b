const STOP_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/**
 * Aborts `signal` on the first SIGINT or SIGTERM (with `reason(name)`), and `received` names it for the shell's
 * 128+N status. A second signal finds no handler: Node's default ends the process at once.
 */
export function onStopSignal(reason: (name: NodeJS.Signals) => unknown = () => undefined) {
  const controller = new AbortController();
  const stop = {
    signal: controller.signal,
    received: undefined as NodeJS.Signals | undefined,
    /** Resolves once a signal has come. */
    stopped: new Promise<void>((resolve) => controller.signal.addEventListener('abort', () => resolve())),
    dispose,
  };
  function onSignal(name: NodeJS.Signals) {
    dispose();
    stop.received = name;
    controller.abort(reason(name));
  }
  function dispose() {
    for (const name of STOP_SIGNALS) process.off(name, onSignal);
  }
  for (const name of STOP_SIGNALS) process.once(name, onSignal);
  return stop;
}
