import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from './free-port';
import { isPidAlive } from './processes';
import { startRegistry } from './registry-server';
import { rigRequest } from './rig-http';
import { verifyRigPackages } from './rig-packages';

describe('startRegistry', () => {
  let dir: string;
  let squatter: Server;

  beforeAll(async () => {
    verifyRigPackages();
    dir = await mkdtemp(join(tmpdir(), 'rig-registry-'));
    // An HTTP server on the port first picked: it answers, but not as a registry.
    squatter = createServer((_req, res) => res.writeHead(200).end('not a registry'));
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => squatter.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  describe('when the picked port is taken before the registry binds it', () => {
    it('retries on a new port and is not fooled by the server holding the old one', async () => {
      const taken = (squatter.address() as AddressInfo).port;
      const ports = [taken];
      const pickPort = async () => ports.shift() ?? findFreePort();
      const registry = await startRegistry({ kind: 'http', dir, pickPort });
      try {
        expect(registry.host).not.toBe(`127.0.0.1:${taken}`);
        expect(await readFile(join(dir, 'registry-http.1.log'), 'utf8')).toContain('address already in use');
        const res = await rigRequest(`${registry.url}/v2/`);
        expect([res.status, res.headers['docker-distribution-api-version']]).toEqual([200, 'registry/2.0']);
      } finally {
        await registry.process.stop();
      }
      expect(isPidAlive(registry.process.pid)).toBe(false);
    });
  });
});
