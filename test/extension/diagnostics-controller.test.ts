import { describe, expect, it, vi } from 'vitest';
import { DiagnosticsController } from '../../src/extension/diagnostics-controller';
import { DocumentScans } from '../../src/extension/document-scans';
import type { Services } from '../../src/extension/services';
import { fakeDocument } from './fake-document';
import { serviceWith } from './provider-fixtures';
import { createdCollections, type Diagnostic } from './vscode-values';

vi.mock('vscode', () => import('./vscode-values'));

const PATH = '/w/Dockerfile';

function controllerWith(service: ReturnType<typeof serviceWith>) {
  const controller = new DiagnosticsController(new DocumentScans(), service as unknown as Services); // current() only
  const collection = createdCollections.at(-1);
  if (!collection) throw new Error('no diagnostic collection was created');
  const shown = () => (collection.entries.get(`file://${PATH}`) ?? []).map((d: Diagnostic) => d.code);
  return { controller, shown };
}

describe('the diagnostics controller', () => {
  it('paints what the text tells at once, then the answers as they arrive', async () => {
    const service = serviceWith('pending');
    const { controller, shown } = controllerWith(service);
    const refreshing = controller.refresh(fakeDocument(PATH, 'dockerfile', 'FROM alpine:3.19\nFROM Bad\n'));
    await expect.poll(shown).toEqual(['IMAGE_UNPINNED', 'REF_INVALID']);
    service.answerPending();
    await refreshing;
    controller.dispose();
  });

  it("aborts an older refresh's registry requests when an edit supersedes it and nobody else wants them", async () => {
    const service = serviceWith('pending');
    const { controller } = controllerWith(service);
    void controller.refresh(fakeDocument(PATH, 'dockerfile', 'FROM alpine:3.19\n', 1));
    await expect.poll(() => service.signals.length).toBe(1);
    void controller.refresh(fakeDocument(PATH, 'dockerfile', 'FROM busybox:1\n', 2));
    await expect.poll(() => service.signals.length).toBe(2);
    expect(service.signals.map((signal) => signal.aborted)).toEqual([true, false]);
    controller.dispose();
    expect(service.signals[1]?.aborted).toBe(true);
  });
});
