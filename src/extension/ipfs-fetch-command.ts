import { join } from 'node:path';
import * as vscode from 'vscode';
import { isCoreError } from '../core/errors';
import { documentsOnlyCache } from '../core/ipfs/documents-only-cache';
import { createMemoryCache } from '../core/registry/memory-cache';
import { rangeContains, type Position } from '../core/features/position';
import type { FetchedImage, FetchProgress } from '../core/ipfs/fetch-image';
import { referenceString } from '../core/reference';
import type { CredentialSource } from '../core/registry/credential';
import type { ImageRef } from '../core/scan/image-ref';
import { fetchToLayout } from '../node/ipfs/fetch-to-layout';
import { createGatewaySource } from '../node/ipfs/gateway-source';
import { createNodeHash } from '../node/ipfs/node-hash';
import { createNodeRegistryClient } from '../node/node-registry-client';
import { abortOn } from './abort-on';
import { fromPosition } from './to-vscode';
import type { DocumentScans } from './document-scans';
import { readSettings } from './settings';

/** The pinned references of a file, the one under the cursor first. */
export function pinnedChoices(refs: readonly ImageRef[], cursor: Position): ImageRef[] {
  const pinned = refs.filter((ref) => ref.reference?.digest !== undefined);
  return [
    ...pinned.filter((r) => rangeContains(r.range, cursor)),
    ...pinned.filter((r) => !rangeContains(r.range, cursor)),
  ];
}

/** Byte progress as a notification's increments (percent of the layers' total) and a short message. */
export function notificationProgress(
  progress: vscode.Progress<{ message?: string; increment?: number }>,
): FetchProgress {
  let total = 0;
  let blobs = 0;
  return {
    onTotal: (bytes) => void (total = bytes),
    onBytes: (bytes) => progress.report(total > 0 ? { increment: (100 * bytes) / total } : {}),
    onBlob: (descriptor, origin) => {
      blobs += 1;
      progress.report({
        message: `${blobs} blobs; ${descriptor.digest.slice(7, 19)} from ${origin.source ?? origin.from}`,
      });
    },
  };
}

export function summaryMessage(fetched: FetchedImage, output: string): string {
  const count = (from: string) => fetched.blobs.filter((b) => b.origin.from === from).length;
  return `Image Trust: fetched and verified ${fetched.blobs.length} blobs into ${output} (${count('ipfs')} from IPFS, ${count('registry')} from the registry, ${count('present')} already there).`;
}

/** "Fetch image layers over IPFS" on a pinned reference of the active file, into an OCI layout the user picks. */
export function fetchOverIpfsCommand(scans: DocumentScans, credentials?: CredentialSource) {
  return async () => {
    const editor = vscode.window.activeTextEditor;
    const scan = editor ? await scans.get(editor.document) : undefined;
    const cursor = editor ? fromPosition(editor.selection.active) : { line: 1, column: 1 };
    const ref = pinnedChoices(scan?.refs ?? [], cursor)[0]?.reference;
    if (!ref?.digest) {
      void vscode.window.showWarningMessage('Image Trust: put the cursor on a pinned image reference (pin it first).');
      return;
    }
    const folder = await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      openLabel: 'Fetch here',
    });
    if (!folder?.[0]) return;
    const output = join(folder[0].fsPath, `${ref.path.split('/').at(-1)}-${ref.digest.slice(7, 19)}`);
    const title = `Fetching ${referenceString(ref)} over IPFS`;
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      (progress, token) =>
        fetchInto(
          { domain: ref.domain, path: ref.path, digest: ref.digest as string, tag: ref.tag ?? 'latest' },
          output,
          progress,
          token,
          credentials,
        ),
    );
  };
}

async function fetchInto(
  target: { domain: string; path: string; digest: string; tag: string },
  output: string,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
  credentials?: CredentialSource,
) {
  const settings = readSettings();
  const config = vscode.workspace.getConfiguration('imageTrust.ipfs');
  // User settings only: a workspace must not choose where this machine fetches from. A Kubo daemon is reached
  // through its own trustless gateway (:8080): the Kubo RPC client would pull libp2p into the extension bundle.
  const gateways = config.inspect<string[]>('gateways')?.globalValue ?? [];
  const registry = createNodeRegistryClient({
    allowCredentialHelpers: settings.allowCredentialHelpers,
    insecureRegistries: settings.insecureRegistries,
    transport: { caFiles: settings.caFiles },
    diskCache: documentsOnlyCache(createMemoryCache()),
    ...(credentials ? { credentialsFirst: credentials } : {}),
  });
  const { signal, dispose } = abortOn(token);
  try {
    const sources =
      gateways.length === 0
        ? []
        : [
            createGatewaySource({
              gateways,
              transport: registry.transport,
              createHash: createNodeHash,
              insecureHosts: settings.insecureRegistries,
            }),
          ];
    if (sources.length === 0) progress.report({ message: 'no imageTrust.ipfs.gateways set: from the registry only' });
    const options = {
      sources,
      client: registry.client,
      fallback: true,
      output,
      signal,
      progress: notificationProgress(progress),
    };
    const fetched = await fetchToLayout({ kind: 'registry', ...target }, options);
    void vscode.window.showInformationMessage(summaryMessage(fetched, output));
  } catch (error) {
    if (signal.aborted)
      return void vscode.window.showInformationMessage('Image Trust: fetch cancelled; nothing half-written.');
    const why = isCoreError(error) ? `${error.message} (${error.code})` : String(error);
    void vscode.window.showErrorMessage(`Image Trust: the fetch failed: ${why}`);
  } finally {
    dispose();
    registry.close();
  }
}
