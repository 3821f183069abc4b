import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../src/core/policy';
import { readCosignKeys } from '../../src/extension/cosign-keys';
import { readCosignTrust } from '../../src/extension/cosign-settings';
import { loadPolicy, policyKeys } from '../../src/extension/policy-file';
import { makeTempTree } from '../support/temp-dir';

const pem = () =>
  generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanup.map((step) => step()));
  cleanup = [];
});

async function tree(files: Record<string, string>) {
  const made = await makeTempTree(files);
  cleanup.push(made.remove);
  return made.root;
}

describe('imageTrust.cosign.keys', () => {
  it('reads PEM text and paths relative to the workspace folder', async () => {
    const folder = await tree({ 'keys/cosign.pub': pem() });
    const { keys, errors } = readCosignKeys([pem(), 'keys/cosign.pub'], folder);
    expect(errors).toEqual([]);
    expect(keys.size).toBe(2);
  });

  it('reports an unreadable file and a malformed key with their codes, keeping the good ones', async () => {
    const folder = await tree({ 'bad.pub': 'not a key\n', 'good.pub': pem() });
    const { keys, errors } = readCosignKeys(['missing.pub', 'bad.pub', 'good.pub'], folder);
    expect(errors.map((error) => error.code)).toEqual(['COSIGN_KEY_UNREADABLE', 'COSIGN_INVALID_KEY']);
    expect([...keys.keys()]).toEqual(['good.pub']);
  });
});

describe('imageTrust.policy', () => {
  const POLICY = 'version: 1\nsignatures:\n  require: cosign\n  keys: [keys/team.pub]\n';

  it("reads the workspace's .image-trust.yaml in a trusted workspace, with the keys it names", async () => {
    const folder = await tree({ '.image-trust.yaml': POLICY });
    const loaded = loadPolicy('.image-trust.yaml', folder, true);
    expect(loaded.error).toBeUndefined();
    expect(loaded.policy.defaults.signatures.require).toBe('cosign');
    expect(policyKeys(loaded.policy)).toEqual(['keys/team.pub']);
  });

  it("ignores the workspace's policy file in Restricted Mode: it could require nothing", async () => {
    const folder = await tree({ '.image-trust.yaml': 'version: 1\nrequirePin: false\n' });
    const loaded = loadPolicy('.image-trust.yaml', folder, false);
    expect(loaded).toEqual({ policy: expect.objectContaining({ source: 'defaults' }) });
  });

  it('applies the defaults without a word when the default file is absent, and watches for it', async () => {
    const folder = await tree({});
    expect(loadPolicy('.image-trust.yaml', folder, true)).toEqual({
      policy: expect.objectContaining({ source: 'defaults' }),
      watched: join(folder, '.image-trust.yaml'),
    });
  });

  it('reports a named policy file that is missing, and one with a mistake at its line and column', async () => {
    const folder = await tree({ 'broken.yaml': 'version: 1\nrequirePins: true\n' });
    expect(loadPolicy('other.yaml', folder, true).error?.code).toBe('POLICY_NOT_FOUND');
    const broken = loadPolicy('broken.yaml', folder, true);
    expect(broken.error).toMatchObject({ code: 'POLICY_UNKNOWN_KEY', position: { line: 2, column: 1 } });
    expect(broken.policy.source).toBe('defaults');
  });
});

describe('imageTrust.cosign.identities and trustedRoot', () => {
  const values = { keys: [], identities: [], trustedRoot: '' };
  const policy = { policy: DEFAULT_POLICY, dir: undefined };

  it('takes a subject or a pattern with an issuer, and reports an entry without one, or with a bad pattern', () => {
    const identities = [
      { subject: 'https://ci.example/build', issuer: 'https://issuer.example' },
      { subjectRegExp: '^https://ci\\.example/', issuer: 'https://issuer.example' },
      { subject: 'someone@example.com' },
      { subjectRegExp: '(unclosed', issuer: 'https://issuer.example' },
    ];
    const { inputs, errors } = readCosignTrust({ ...values, identities }, undefined, policy);
    expect(inputs.identities.map((identity) => identity.kind)).toEqual(['exact', 'regexp']);
    expect(errors.map((error) => error.code)).toEqual(['COSIGN_INVALID_IDENTITY', 'COSIGN_INVALID_IDENTITY']);
  });

  it('reports a trusted root it cannot read, and keeps the public-good root', async () => {
    const folder = await tree({ 'root.json': '{"not": "a trusted root"}' });
    const missing = readCosignTrust({ ...values, trustedRoot: 'missing.json' }, folder, policy);
    expect(missing.errors.map((error) => error.code)).toEqual(['COSIGN_TRUSTED_ROOT_UNREADABLE']);
    expect(missing.inputs.trustedRoot.tlogs.length).toBeGreaterThan(0);
    const broken = readCosignTrust({ ...values, trustedRoot: 'root.json' }, folder, policy);
    expect(broken.errors).toHaveLength(1);
  });
});
