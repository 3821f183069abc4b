import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../rig/fault-proxy';
import { isPidAlive } from '../rig/processes';
import { startRig, type Rig } from '../rig/rig';
import { basicAuthorization, fetchRigToken, MANIFEST_ACCEPT, rigRequest } from '../rig/rig-http';
import type { PushedImage, RegistryInfo } from '../rig/rig-types';
import { RIG_USERS } from '../rig/rig-users';

const [alice, bob] = RIG_USERS as [(typeof RIG_USERS)[0], (typeof RIG_USERS)[1]];

function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

function fetchManifest(registry: RegistryInfo, image: PushedImage, authorization: string) {
  const url = `${registry.url}/v2/${image.repo}/manifests/${image.tag}`;
  return rigRequest(url, { caFile: registry.caFile, headers: { accept: MANIFEST_ACCEPT, authorization } });
}

describe('the rig', () => {
  let rig: Rig;

  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(async () => {
    await rig?.stop();
  });

  describe('each registry answers /v2/', () => {
    it('with 200 over plain HTTP', async () => {
      const res = await rigRequest(`${rig.registries.http.url}/v2/`);
      expect(res.status).toBe(200);
      expect(res.headers['docker-distribution-api-version']).toBe('registry/2.0');
    });

    it('with 200 over TLS signed by the rig CA', async () => {
      const { url, caFile } = rig.registries.tls;
      expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect((await rigRequest(`${url}/v2/`, { caFile })).status).toBe(200);
    });

    it('with 401 and a Basic challenge when htpasswd auth is on, and 200 for alice', async () => {
      const { url, caFile } = rig.registries.basic;
      const anonymous = await rigRequest(`${url}/v2/`, { caFile });
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers['www-authenticate']).toBe('Basic realm="rig-basic-realm"');
      const authed = await rigRequest(`${url}/v2/`, { caFile, headers: { authorization: basicAuthorization(alice) } });
      expect(authed.status).toBe(200);
    });

    it('with 401 and a Bearer challenge naming the rig token server when token auth is on', async () => {
      const { url, caFile, auth } = rig.registries.token;
      const res = await rigRequest(`${url}/v2/`, { caFile });
      expect(res.status).toBe(401);
      expect(auth.kind === 'token' && auth.realm).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/token$/);
      expect(res.headers['www-authenticate']).toBe(
        auth.kind === 'token' ? `Bearer realm="${auth.realm}",service="${auth.service}"` : '',
      );
    });
  });

  describe('a pushed tag on the token registry', () => {
    it('serves, with a token from the rig token server, bytes whose sha256 is the digest skopeo reported', async () => {
      const registry = rig.registries.token;
      const images = rig.pushed.filter((image) => image.registry === 'token');
      expect(images.length).toBeGreaterThanOrEqual(6);
      for (const image of images) {
        const token = await fetchRigToken(registry, bob, [`repository:${image.repo}:pull`]);
        const res = await fetchManifest(registry, image, `Bearer ${token}`);
        expect(res.status).toBe(200);
        expect(sha256(res.body)).toBe(image.digest);
        expect(res.headers['docker-content-digest']).toBe(image.digest);
        expect(res.headers['content-type']).toBe(image.mediaType);
      }
    });

    it('is refused to an anonymous token with insufficient_scope', async () => {
      const registry = rig.registries.token;
      const image = rig.pushed.find((p) => p.registry === 'token' && p.tag === 'v1') as PushedImage;
      const token = await fetchRigToken(registry, null, [`repository:${image.repo}:pull`]);
      const res = await fetchManifest(registry, image, `Bearer ${token}`);
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toContain('error="insufficient_scope"');
    });
  });

  describe('the multi-platform images', () => {
    it('list two platforms, in OCI and in Docker media types, on every registry', () => {
      const multi = rig.pushed.filter((image) => image.tag.startsWith('multi'));
      expect(multi).toHaveLength(8);
      for (const image of multi) {
        expect(image.mediaType).toMatch(/index|list/);
        expect(image.platforms.map((p) => p.platform.architecture)).toEqual(['amd64', 'arm64']);
      }
    });

    it('are served with both platforms in the index bytes', async () => {
      const image = rig.pushed.find((p) => p.registry === 'http' && p.tag === 'multi') as PushedImage;
      const res = await fetchManifest(rig.registries.http, image, '');
      const index = JSON.parse(res.body.toString('utf8')) as { manifests: { digest: string }[] };
      expect(index.manifests.map((m) => m.digest)).toEqual(image.platforms.map((p) => p.digest));
    });
  });

  describe('push rights on the token registry', () => {
    const tryPush = async (user: typeof alice) => {
      const registry = rig.registries.token;
      const token = await fetchRigToken(registry, user, ['repository:demo/app:pull,push']);
      const url = `${registry.url}/v2/demo/app/blobs/uploads/`;
      return rigRequest(url, {
        method: 'POST',
        caFile: registry.caFile,
        headers: { authorization: `Bearer ${token}` },
      });
    };

    it('let alice start an upload', async () => {
      expect((await tryPush(alice)).status).toBe(202);
    });

    it('keep bob, who may only pull, from pushing', async () => {
      const res = await tryPush(bob);
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toContain('error="insufficient_scope"');
      const grant = rig.tokenGrants.at(-1);
      expect(grant?.user).toBe('bob');
      expect(grant?.granted).toEqual([{ type: 'repository', name: 'demo/app', actions: ['pull'] }]);
    });
  });

  describe('a fault proxy in front of the TLS registry', () => {
    let proxy: FaultProxy;
    beforeAll(async () => {
      const { url, caFile } = rig.registries.tls;
      proxy = await startFaultProxy({ upstream: url, caFile, tls: rig.tls });
    });
    afterAll(async () => {
      await proxy?.stop();
    });

    const manifest = () => {
      const image = rig.pushed.find((p) => p.registry === 'tls' && p.tag === 'multi') as PushedImage;
      const url = `${proxy.url}/v2/${image.repo}/manifests/${image.tag}`;
      return { image, get: () => rigRequest(url, { caFile: rig.tls.caFile, headers: { accept: MANIFEST_ACCEPT } }) };
    };

    it('forwards faithfully, and upload Locations point back at the proxy', async () => {
      const { image, get } = manifest();
      const res = await get();
      expect([res.status, sha256(res.body), res.headers['docker-content-digest']]).toEqual([
        200,
        image.digest,
        image.digest,
      ]);
      const upload = await rigRequest(`${proxy.url}/v2/demo/app/blobs/uploads/`, {
        method: 'POST',
        caFile: rig.tls.caFile,
      });
      expect(upload.status).toBe(202);
      expect(upload.headers.location).toMatch(new RegExp(`^${proxy.url}/v2/demo/app/blobs/uploads/`));
    });

    it('can make the real registry lie about the digest', async () => {
      const { image, get } = manifest();
      proxy.addFault({
        match: { path: /\/manifests\// },
        fault: { kind: 'digest-header', digest: `sha256:${'0'.repeat(64)}` },
      });
      const res = await get();
      expect(sha256(res.body)).toBe(image.digest);
      expect(res.headers['docker-content-digest']).not.toBe(image.digest);
    });
  });

  describe('stop()', () => {
    it('ends every server it started and removes its temp dir', async () => {
      const { processes, dir } = rig;
      expect(processes).toHaveLength(6); // four registries, notary-signer and notary-server
      expect(processes.every((p) => isPidAlive(p.pid))).toBe(true);
      await rig.stop();
      expect(processes.filter((p) => isPidAlive(p.pid))).toEqual([]);
      expect(existsSync(dir)).toBe(false);
      await expect(rigRequest(`${rig.registries.http.url}/v2/`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    });
  });
});
