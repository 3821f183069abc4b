import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { it } from 'vitest';
import { startCodeServer } from '../../scripts/e2e-code-server.mjs';
import { startRig } from '../rig/rig';
import { writeWorkspace } from './e2e-workspace';
import { launchBrowser, Workbench } from './workbench';

const MEDIA = resolve(import.meta.dirname, '../../media');

/** `npm run screenshots`: real screenshots of the hover and the Problems panel for the README. */
it('takes the README screenshots', async () => {
  const rig = await startRig();
  const dir = mkdtempSync(join(tmpdir(), 'image-trust-shots-'));
  writeWorkspace(dir, rig);
  const browser = await launchBrowser();
  const settings = { 'workbench.colorTheme': 'Dark Modern', 'imageTrust.cosign.keys': [rig.cosign?.keyFile] };
  const server = await startCodeServer({ workspace: dir, settings });
  try {
    const workbench = await Workbench.open(browser, server.url);
    await workbench.openFile('compose.yaml');
    await workbench.goTo(3, 20);
    await workbench.hoverText((text) => text.includes('Digest:') && text.includes('cosign: verified'));
    await workbench.page.waitForTimeout(300);
    await workbench.page.screenshot({ path: join(MEDIA, 'hover.png') });
    await workbench.page.keyboard.press('Escape');
    await workbench.openFile('Dockerfile');
    await workbench.problems((rows) => rows.some((row) => row.includes('REGISTRY_NOT_FOUND')));
    await workbench.page.waitForTimeout(300);
    await workbench.page.screenshot({ path: join(MEDIA, 'problems.png') });
  } finally {
    await browser.close();
    await server.stop();
    await rig.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
