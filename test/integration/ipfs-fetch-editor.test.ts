import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DocumentScans } from '../../src/extension/document-scans';
import { fetchOverIpfsCommand } from '../../src/extension/ipfs-fetch-command';
import { blobFiles } from '../core/ipfs/layout-dir';
import { fakeDocument } from '../extension/fake-document';
import { Position } from '../extension/vscode-values';
import { injectRig } from '../rig/inject-rig';
import { resetFaults } from '../rig/ipfs-gateway-faults';
import { host } from './ipfs-fetch-editor-host';
import { httpsGateway, ipfsWithImage, run, tempWork, type IpfsWithImage } from './ipfs-fetch-support';

vi.mock('vscode', async () => (await import('./ipfs-fetch-editor-host')).vscodeModule);

const rig = injectRig();
let ipfs: IpfsWithImage;
let work: Awaited<ReturnType<typeof tempWork>>;

beforeAll(async () => {
  ipfs = await ipfsWithImage(rig, 'v1');
  work = await tempWork();
});
afterAll(async () => {
  await ipfs.close();
  await work.remove();
});
beforeEach(() => {
  host.reset();
  resetFaults(ipfs.gateway);
});

/** A Dockerfile whose second FROM is the pinned rig image, the cursor on it. */
function editorOnPinnedImage() {
  const text = `FROM alpine:3.20\nFROM ${ipfs.source.reference}\n`;
  const document = fakeDocument(join(work.dir, 'Dockerfile'), 'dockerfile', text);
  return { document, selection: { active: new Position(1, 12) } };
}

const command = () => fetchOverIpfsCommand(new DocumentScans())();
const output = () => join(work.dir, `app-${ipfs.source.digest.slice(7, 19)}`);

describe('Image Trust: Fetch image layers over IPFS', () => {
  it('fetches the pinned reference under the cursor through the user’s gateway into an OCI layout', async () => {
    Object.assign(host, { editor: editorOnPinnedImage(), folder: work.dir, gateways: [ipfs.gateway.url] });
    await command();
    expect(host.messages).toEqual([{ level: 'info', text: expect.stringContaining('from IPFS') }]);
    expect(host.messages[0]?.text).toMatch(/fetched and verified 3 blobs .* \(2 from IPFS, 1 from the registry/);
    expect(host.reports.some((r) => (r.increment ?? 0) > 0)).toBe(true);
    expect(JSON.parse((await run('skopeo', ['inspect', '--raw', `oci:${output()}`])).stdout).layers).toHaveLength(1);
  });

  it('reads CARs from an HTTPS gateway whose CA is only in imageTrust.caFiles', async () => {
    const https = await httpsGateway(rig, ipfs.gateway);
    try {
      const folder = join(work.dir, 'over-https');
      Object.assign(host, { editor: editorOnPinnedImage(), folder, gateways: [https.url], caFiles: [rig.tls.caFile] });
      await command();
      expect(host.messages[0]?.text).toMatch(/\(2 from IPFS, 1 from the registry/);
      expect(ipfs.gateway.requests.length).toBeGreaterThan(0);
      expect(ipfs.gateway.requests.every((r) => r.includes('format=car'))).toBe(true);
    } finally {
      await https.stop();
    }
  });

  it('stops when the notification is cancelled and leaves no layer', async () => {
    Object.assign(host, {
      editor: editorOnPinnedImage(),
      folder: join(work.dir, 'cancelled'),
      gateways: [ipfs.gateway.url],
    });
    host.cancelAfterReports = 1;
    await command();
    expect(host.messages).toEqual([{ level: 'info', text: 'Image Trust: fetch cancelled; nothing half-written.' }]);
    const out = join(work.dir, 'cancelled', `app-${ipfs.source.digest.slice(7, 19)}`);
    const layers = ipfs.image.blobs.filter((b) => b.mediaType.includes('layer'));
    for (const layer of layers) expect(existsSync(join(out, 'blobs', ...layer.digest.split(':')))).toBe(false);
    expect((await blobFiles(out)).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('asks for a pinned reference when the cursor is on none', async () => {
    const editor = {
      ...editorOnPinnedImage(),
      document: fakeDocument(join(work.dir, 'Dockerfile'), 'dockerfile', 'FROM alpine:3.20\n'),
    };
    Object.assign(host, { editor, folder: work.dir });
    await command();
    expect(host.messages).toEqual([{ level: 'warning', text: expect.stringContaining('pinned image reference') }]);
  });
});
