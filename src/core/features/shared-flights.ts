export type FlightOutcome<T> = { kind: 'value'; value: T } | { kind: 'error'; error: unknown } | { kind: 'aborted' };

export interface FlightEvents<T> {
  started(key: string): void;
  settled(key: string, outcome: FlightOutcome<T>): void;
}

interface Flight {
  controller: AbortController;
  interest: number;
  done: Promise<void>;
}

/**
 * Work shared by key: each key runs once at a time for every caller that wants it, and a run is aborted when every
 * caller that wanted it has been cancelled (an edit supersedes the last one), so cancelled editor work really stops.
 */
export class SharedFlights<T> {
  private readonly flights = new Map<string, Flight>();

  constructor(private readonly events: FlightEvents<T>) {}

  has(key: string): boolean {
    return this.flights.has(key);
  }

  /** Joins the run for `key`, starting it with `run` when none is going; returns when it ends or `signal` aborts. */
  async join(key: string, run: (signal: AbortSignal) => Promise<T>, signal: AbortSignal): Promise<void> {
    const flight = this.flights.get(key) ?? this.start(key, run);
    flight.interest += 1;
    const abandon = () => {
      flight.interest -= 1;
      if (flight.interest === 0) flight.controller.abort();
    };
    signal.addEventListener('abort', abandon, { once: true });
    const aborted = new Promise<void>((settle) => signal.addEventListener('abort', () => settle(), { once: true }));
    await Promise.race([flight.done, aborted]);
    signal.removeEventListener('abort', abandon);
  }

  /** Aborts every run; their outcomes are dropped, as nothing that was asked before is wanted any more. */
  abortAll(): void {
    for (const flight of this.flights.values()) flight.controller.abort();
    this.flights.clear();
  }

  private start(key: string, run: (signal: AbortSignal) => Promise<T>): Flight {
    const controller = new AbortController();
    const flight: Flight = { controller, interest: 0, done: Promise.resolve() };
    this.flights.set(key, flight);
    this.events.started(key);
    flight.done = run(controller.signal).then(
      (value) => this.finish(key, flight, { kind: 'value', value }),
      (error: unknown) =>
        this.finish(key, flight, controller.signal.aborted ? { kind: 'aborted' } : { kind: 'error', error }),
    );
    return flight;
  }

  private finish(key: string, flight: Flight, outcome: FlightOutcome<T>): void {
    if (this.flights.get(key) !== flight) return;
    this.flights.delete(key);
    this.events.settled(key, outcome);
  }
}
