import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCodeServer, type CodeServer } from '../../scripts/e2e-code-server.mjs';
import { startRig, type Rig } from '../rig/rig';
import { pushed, writeCredentialHelper, writeWorkspace } from './e2e-workspace';
import { extensionLog } from './extension-log';
import { launchBrowser, Workbench } from './workbench';

let rig: Rig;
let browser: Browser;
let dir: string;

/** A Problems-panel condition: some row says `text`. */
const has = (text: string) => (rows: string[]) => rows.some((row) => row.includes(text));

/** A policy that requires a cosign signature on one repository. */
function requireCosignFor(repository: string): string {
  return `version: 1\nrules:\n  - match: { repository: "${repository}" }\n    signatures: { require: cosign }\n`;
}

function serverFor(workspace: string, restricted: boolean, helper: ReturnType<typeof writeCredentialHelper>) {
  return startCodeServer({
    workspace,
    restricted,
    // The user's own settings: they apply in Restricted Mode too.
    settings: { 'imageTrust.caFiles': [rig.registries.token.caFile], 'imageTrust.cosign.keys': [rig.cosign?.keyFile] },
    env: { DOCKER_CONFIG: helper.dockerConfig },
    path: [helper.bin],
  });
}

beforeAll(async () => {
  [rig, browser] = await Promise.all([startRig(), launchBrowser()]);
  dir = mkdtempSync(join(tmpdir(), 'image-trust-e2e-ws-'));
});

afterAll(async () => {
  await Promise.all([browser?.close(), rig?.stop()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the extension in real VS Code, in a trusted workspace', () => {
  let server: CodeServer;
  let workbench: Workbench;
  let workspace: string;
  let helper: ReturnType<typeof writeCredentialHelper>;

  beforeAll(async () => {
    workspace = join(dir, 'trusted');
    writeWorkspace(workspace, rig);
    writeFileSync(join(workspace, '.image-trust.yaml'), requireCosignFor(`${rig.registries.http.host}/demo/tool`));
    helper = writeCredentialHelper(join(dir, 'trusted-helper'), rig);
    server = await serverFor(workspace, false, helper);
    workbench = await Workbench.open(browser, server.url);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail')
      await workbench?.page.screenshot({ path: join(tmpdir(), `e2e-${task.name}.png`) });
  });

  afterAll(async () => {
    await workbench?.page.close();
    await server?.stop();
  });

  it('shows the digest and the platforms of a reference in its hover', async () => {
    const multi = pushed(rig, 'http', 'demo/app', 'multi');
    await workbench.openFile('compose.yaml');
    await workbench.goTo(3, 20);
    const text = await workbench.hoverText((t) => t.includes('Digest:'));
    expect(text).toContain(`${rig.registries.http.host}/demo/app:multi`);
    expect(text).toContain(multi.digest);
    for (const platform of multi.platforms) expect(text).toContain(platform.digest);
    expect(text).toContain('IMAGE_UNPINNED');
  });

  it('lists unpinned, outdated and unresolvable references in the Problems panel', async () => {
    await workbench.openFile('Dockerfile');
    const missing = await workbench.problems(has('REGISTRY_NOT_FOUND'), 'could not be resolved');
    expect(missing.join('\n')).toContain('the registry has no such image or tag');
    expect((await workbench.problems(has('PIN_OUTDATED'), 'moved')).join('\n')).toContain('demo/app:v2 moved');
    expect((await workbench.problems(has('IMAGE_UNPINNED'), 'is not pinned')).length).toBeGreaterThan(3);
  });

  it('resolves an image behind token auth with the credential helper', async () => {
    const token = pushed(rig, 'token', 'demo/app', 'v1');
    await workbench.openFile('Dockerfile');
    await workbench.goTo(4, 10);
    const text = await workbench.hoverText((t) => t.includes('cosign:') || t.includes('AUTH_'));
    expect(text).toContain(token.digest);
    // Signed on the plain-HTTP registry only: the copy behind token auth has no signature.
    expect(text).toContain('COSIGN_NOT_SIGNED');
    expect(existsSync(helper.mark)).toBe(true);
  });

  it('shows the cosign signature of an image signed with the configured key in its hover', async () => {
    await workbench.openFile('Dockerfile');
    await workbench.goTo(1, 10);
    const text = await workbench.hoverText((t) => t.includes('cosign:'));
    expect(text).toContain('cosign: verified');
    expect(text).toMatch(/manifest signed by key/);
  });

  it('lists an image the workspace policy requires a cosign signature on in the Problems panel', async () => {
    await workbench.openFile('Dockerfile');
    // Verification finishes after resolution: wait on the panel's contents, not on a fixed time.
    const code = /\nSIGNATURE_REQUIRED\n/;
    const rows = await workbench.problems((r) => r.some((row) => code.test(row)), 'The policy requires');
    const required = rows.filter((row) => code.test(row)).join('\n');
    expect(required).toContain('The policy requires a cosign signature on this image and none verifies');
    expect(required).toContain('COSIGN_NOT_SIGNED');
  });

  it('summarises the file in the status bar', async () => {
    await workbench.openFile('Dockerfile');
    const item = workbench.page.locator('.statusbar-item', { hasText: 'refs ·' }).first();
    await expect
      .poll(async () => (await item.innerText()).trim(), { timeout: 60_000 })
      .toBe('4 refs · 4 unpinned · 1 unsigned · 2 failing');
  });

  it('opens the evidence of a reference as a read-only document', async () => {
    const v1 = pushed(rig, 'http', 'demo/app', 'v1');
    await workbench.openFile('Dockerfile');
    await workbench.goTo(1, 10);
    await workbench.quickFix(`Open the evidence for ${rig.registries.http.host}/demo/app:v1`);
    try {
      const text = await workbench.editorText('app:v1.md', (t) => t.includes('cosign: verified'));
      // The editor wraps long lines: the digest is read across them.
      expect(text.replace(/\n/g, '')).toContain(v1.digest);
      expect(text).toContain('Docker Content Trust: not checked');
    } finally {
      await workbench.closeEditor();
    }
  });

  it('pins the reference under the cursor with the quick fix', async () => {
    const v1 = pushed(rig, 'http', 'demo/app', 'v1');
    await workbench.openFile('Dockerfile');
    await workbench.goTo(1, 10);
    await workbench.quickFix(`Pin ${rig.registries.http.host}/demo/app:v1 to`);
    await workbench.save();
    await expect
      .poll(() => readFileSync(join(workspace, 'Dockerfile'), 'utf8').split('\n')[0])
      .toBe(`FROM ${rig.registries.http.host}/demo/app:v1@${v1.digest} AS build`);
  });

  it('pins every unpinned reference in the workspace with the command', async () => {
    const multi = pushed(rig, 'http', 'demo/app', 'multi');
    const tool = pushed(rig, 'http', 'demo/tool', '1.0');
    await workbench.command('Image Trust: Pin image references in workspace');
    await expect
      .poll(() => readFileSync(join(workspace, 'compose.yaml'), 'utf8'), { timeout: 30_000 })
      .toContain(`/demo/app:multi@${multi.digest}`);
    expect(readFileSync(join(workspace, 'compose.yaml'), 'utf8')).toContain(`/demo/app:v2@${tool.digest}`);
    // Each edited file is saved in turn: wait for the Dockerfile too.
    const dockerfile = () => readFileSync(join(workspace, 'Dockerfile'), 'utf8');
    await expect.poll(dockerfile, { timeout: 30_000 }).toContain(`/demo/tool:1.0@${tool.digest} /bin/tool`);
    expect(dockerfile()).toContain(`${rig.registries.token.host}/demo/app:v1@`);
    expect(dockerfile()).toContain(`${rig.registries.http.host}/demo/missing:1\n`);
  });

  it('asks the registries again after Clear cache, with fresh credentials', async () => {
    await workbench.openFile('Dockerfile');
    const grants = rig.tokenGrants.length;
    await workbench.command('Image Trust: Clear cache');
    await expect.poll(() => rig.tokenGrants.length, { timeout: 30_000 }).toBeGreaterThan(grants);
    await workbench.command('Image Trust: Verify image trust');
    await workbench.problems((rows) => rows.some((row) => row.includes('REGISTRY_NOT_FOUND')), 'no such image');
    expect(extensionLog(server.home)).toContain('cache cleared');
  });

  it('applies the policy file as soon as it is edited', async () => {
    await workbench.openFile('Dockerfile');
    const policy = `${requireCosignFor(`${rig.registries.http.host}/demo/tool`)}allowedRegistries: [docker.io]\n`;
    writeFileSync(join(workspace, '.image-trust.yaml'), policy);
    const rows = await workbench.problems(has('REGISTRY_NOT_ALLOWED'), 'is not an allowed registry');
    expect(rows.join('\n')).toContain(`${rig.registries.http.host} is not an allowed registry`);
  });

  it('logs its activation time and no credential', () => {
    const log = extensionLog(server.home);
    const activation = /activated in ([\d.]+) ms \(trusted\)/.exec(log);
    expect(activation).not.toBeNull();
    console.log(`activate(): ${activation?.[1]} ms`);
    expect(log).not.toContain('secret123');
  });
});

describe('the extension in real VS Code, in Restricted Mode', () => {
  let server: CodeServer;
  let workbench: Workbench;
  let helper: ReturnType<typeof writeCredentialHelper>;

  beforeAll(async () => {
    const workspace = join(dir, 'restricted');
    writeWorkspace(workspace, rig);
    // A cloned repository's policy that would silence unpinned references: not read in Restricted Mode.
    writeFileSync(join(workspace, '.image-trust.yaml'), 'version: 1\nrequirePin: false\n');
    helper = writeCredentialHelper(join(dir, 'restricted-helper'), rig);
    server = await serverFor(workspace, true, helper);
    workbench = await Workbench.open(browser, server.url);
  });

  afterAll(async () => {
    await workbench?.page.close();
    await server?.stop();
  });

  it('still resolves public references, but runs no credential helper', async () => {
    await workbench.page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor();
    await workbench.openFile('Dockerfile');
    const unresolved = (await workbench.problems(has('AUTH_REQUIRED'), 'could not be resolved')).join('\n');
    expect(unresolved).toContain('the registry wants credentials and none were found');
    await workbench.problems(has('REGISTRY_NOT_FOUND'), 'could not be resolved');
    // The workspace's policy (requirePin: false) is not read: unpinned references are still reported.
    await workbench.problems(has('IMAGE_UNPINNED'), 'is not pinned');
    expect(existsSync(helper.mark)).toBe(false);
    expect(extensionLog(server.home)).toContain('Restricted Mode: no credential helpers');
  });

  it('signs in to a registry with a token kept in SecretStorage, without running a helper, and out again', async () => {
    const token = rig.registries.token.host;
    await workbench.command('Image Trust: Sign in to registry');
    await workbench.answer('Registry', token);
    await workbench.answer(`User name for ${token}`, 'alice');
    await workbench.answer(`Password or access token for alice on ${token}`, 'secret123');
    await workbench.openFile('Dockerfile');
    await workbench.goTo(4, 10);
    const text = await workbench.hoverText((t) => t.includes('Digest:'));
    expect(text).toContain(pushed(rig, 'token', 'demo/app', 'v1').digest);
    expect(existsSync(helper.mark)).toBe(false);
    await workbench.page.keyboard.press('Escape');
    await workbench.command('Image Trust: Sign out of registry');
    await workbench.answer('Sign out of registry', token);
    // The tag's answer stays cached (it is no secret): "Verify" asks the registry, which now wants credentials.
    await workbench.command('Image Trust: Verify image trust');
    await workbench.problems(has('AUTH_REQUIRED'), 'could not be resolved');
    expect(extensionLog(server.home)).not.toContain('secret123');
  });
});
