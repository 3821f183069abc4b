import { createHttpTransport, type HttpTransportOptions } from '../../src/node/http-transport';

/** Node transports for a test file (no system certs.d), each closed by `closeAll` after the test. */
export function transportPool() {
  const made: { close(): void }[] = [];
  return {
    transport(options: Partial<HttpTransportOptions> = {}) {
      const created = createHttpTransport({ certsDirs: [], ...options });
      made.push(created);
      return created.transport;
    },
    closeAll: () => made.splice(0).forEach((t) => t.close()),
  };
}
