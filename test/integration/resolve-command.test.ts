import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { injectRig } from '../rig/inject-rig';
import { captureIo } from '../support/capture-io';
import { makeTempTree } from '../support/temp-dir';

interface ResolveRow {
  input: string;
  reference: string | null;
  digest: string | null;
  mediaType: string | null;
  platforms: { os: string; architecture: string; variant: string | null; digest: string }[];
  error: string | null;
  code: string | null;
}

describe('image-trust resolve against the real registry', () => {
  const rig = injectRig();
  let home: { root: string; remove: () => Promise<void> };
  let env: Record<string, string>;

  beforeAll(async () => {
    const token = rig.registries.token;
    const auth = Buffer.from('bob:hunter2').toString('base64');
    home = await makeTempTree({ 'docker/config.json': JSON.stringify({ auths: { [token.host]: { auth } } }) });
    env = { HOME: home.root, DOCKER_CONFIG: `${home.root}/docker`, XDG_CACHE_HOME: `${home.root}/cache` };
  });
  afterAll(() => home.remove());

  async function resolveJson(...args: string[]) {
    const captured = captureIo(home.root, env);
    const status = await runCli(['resolve', '--format', 'json', '--ca-file', rig.tls.caFile, ...args], captured.io);
    return { status, rows: JSON.parse(captured.stdout()) as ResolveRow[], stderr: captured.stderr() };
  }

  const pushed = (registry: string, tag: string) => {
    const image = rig.pushed.find((p) => p.registry === registry && p.tag === tag && p.repo === 'demo/app');
    if (!image) throw new Error(`the rig pushed no demo/app:${tag} to ${registry}`);
    return image;
  };

  it('resolves a multi-platform tag on the token registry to the index digest and each platform', async () => {
    const image = pushed('token', 'multi');
    const { status, rows } = await resolveJson(image.reference);
    expect(status).toBe(0);
    expect(rows[0]).toMatchObject({ digest: image.digest, mediaType: image.mediaType, error: null });
    expect(rows[0]?.platforms.map((p) => p.digest).sort()).toEqual(image.platforms.map((p) => p.digest).sort());
  });

  it('resolves over plain HTTP on loopback and over TLS with the rig CA', async () => {
    const { status, rows } = await resolveJson(pushed('http', 'v1').reference, pushed('tls', 'v1').reference);
    expect(status).toBe(0);
    expect(rows.map((r) => r.digest)).toEqual([pushed('http', 'v1').digest, pushed('tls', 'v1').digest]);
  });

  it('filters platforms with --platform and fails when the index lacks it', async () => {
    const ref = pushed('token', 'multi').reference;
    const arm = await resolveJson('--platform', 'linux/arm64', ref);
    expect(arm.rows[0]?.platforms.map((p) => p.architecture)).toEqual(['arm64']);
    const missing = await resolveJson('--platform', 'windows/amd64', ref);
    expect(missing.status).toBe(3);
    expect(missing.rows[0]).toMatchObject({ digest: null, code: 'PLATFORM_NOT_FOUND' });
  });

  it('reports an unknown tag and an invalid reference, and exits 3', async () => {
    const unknown = `${rig.registries.http.host}/demo/app:no-such-tag`;
    const { status, rows } = await resolveJson(unknown, 'Not/Valid');
    expect(status).toBe(3);
    expect(rows[0]).toMatchObject({ digest: null, code: 'REGISTRY_NOT_FOUND' });
    expect(rows[1]).toMatchObject({ digest: null, code: 'REF_INVALID' });
  });
});
