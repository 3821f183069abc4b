import { afterEach, describe, expect, it } from 'vitest';
import { CoreError } from '../../../src/core/errors';
import { kuboAdd } from '../../../src/node/ipfs/kubo-add';
import { serverPool } from '../servers';

const servers = serverPool();
afterEach(() => servers.closeAll());
const signal = () => AbortSignal.timeout(5_000);

async function* once(bytes: string) {
  yield new TextEncoder().encode(bytes);
}

describe('kuboAdd', () => {
  it('streams the file: the daemon has the first chunk before the source gives the second', async () => {
    let received = 0;
    let firstArrived: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (firstArrived = resolve));
    const server = await servers.start((req, res) => {
      req.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > 1000) firstArrived();
      });
      req.on('end', () => res.end('{"Name":"","Hash":"bafkexample","Size":"2000"}\n'));
    });
    const source = (async function* () {
      yield new Uint8Array(1000).fill(1);
      await arrived;
      yield new Uint8Array(1000).fill(2);
    })();
    await expect(kuboAdd(`${server.origin}/api/v0`, source, signal())).resolves.toBe('bafkexample');
  });

  it("posts one multipart file with Kubo's add parameters", async () => {
    let seen: { url?: string; type?: string; body: string } = { body: '' };
    const server = await servers.start((req, res) => {
      seen = { url: req.url ?? '', type: req.headers['content-type'] ?? '', body: '' };
      req.on('data', (chunk: Buffer) => (seen.body += chunk.toString()));
      req.on('end', () => res.end('{"Hash":"bafk1"}\n'));
    });
    await kuboAdd(`${server.origin}/api/v0`, once('layer bytes'), signal());
    expect(seen.url).toBe('/api/v0/add?cid-version=1&pin=true');
    const boundary = /boundary=(.+)$/.exec(seen.type ?? '')?.[1];
    expect(seen.body.startsWith(`--${boundary}\r\n`)).toBe(true);
    expect(seen.body).toContain('\r\n\r\nlayer bytes\r\n');
    expect(seen.body.endsWith(`--${boundary}--\r\n`)).toBe(true);
  });

  it("fails with IPFS_UNAVAILABLE and the daemon's message when it refuses", async () => {
    const server = await servers.start((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(500).end('{"Message":"repo is read-only","Code":0,"Type":"error"}'));
    });
    const failure = kuboAdd(`${server.origin}/api/v0`, once('x'), signal());
    await expect(failure).rejects.toMatchObject({ code: 'IPFS_UNAVAILABLE', message: /repo is read-only/ });
  });

  it("throws the source's own error and cuts the upload, so the daemon never answers a CID", async () => {
    let ended = false;
    const server = await servers.start((req, res) => {
      req.resume();
      req.on('end', () => {
        ended = true;
        res.end('{"Hash":"bafk-should-not-be-used"}\n');
      });
    });
    const lie = new CoreError('REGISTRY_DIGEST_MISMATCH', 'the registry lied');
    const source = (async function* () {
      yield new Uint8Array(10);
      throw lie;
    })();
    await expect(kuboAdd(`${server.origin}/api/v0`, source, signal())).rejects.toBe(lie);
    expect(ended).toBe(false);
  });
});
