import type { Clock, Transport, TransportRequest, TransportResponse } from '../../../src/core/registry/ports';

export interface FakeClock extends Clock {
  sleeps: number[];
  advance(ms: number): void;
}

/** A clock that only moves when told to, or by the time a `sleep` asks for. */
export function fakeClock(start = Date.UTC(2026, 0, 1)): FakeClock {
  let time = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => time,
    sleep: (ms) => {
      sleeps.push(ms);
      time += ms;
      return Promise.resolve();
    },
    advance: (ms) => {
      time += ms;
    },
  };
}

export function reply(
  request: TransportRequest,
  status: number,
  headers: Record<string, string | string[]> = {},
  body: string | Uint8Array = '',
): TransportResponse {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const lists = Object.fromEntries(
    Object.entries(headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v : [v]]),
  );
  return { status, headers: lists, body: request.method === 'HEAD' ? new Uint8Array() : bytes, url: request.url };
}

export type FakeTransport = Transport & { requests: TransportRequest[] };

/** Records every request and answers with `handler`. */
export function fakeTransport(handler: (request: TransportRequest) => TransportResponse): FakeTransport {
  const requests: TransportRequest[] = [];
  const transport = (request: TransportRequest) => {
    requests.push(request);
    return Promise.resolve(handler(request));
  };
  return Object.assign(transport, { requests });
}

export async function sha256(bytes: Uint8Array | string): Promise<string> {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  return `sha256:${Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
