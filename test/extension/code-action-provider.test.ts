import { describe, expect, it, vi } from 'vitest';
import type * as vscode from 'vscode';
import { createCodeActionProvider } from '../../src/extension/code-action-provider';
import { DocumentScans } from '../../src/extension/document-scans';
import { fakeDocument, neverCancelled } from './fake-document';
import { DIGEST, serviceWith } from './provider-fixtures';
import { Range, type CodeAction, type WorkspaceEdit } from './vscode-values';

vi.mock('vscode', () => import('./vscode-values'));

describe('the code action provider', () => {
  it('offers the pin of a resolved reference as a workspace edit', async () => {
    const document = fakeDocument('/w/Dockerfile', 'dockerfile', 'FROM alpine:3.19\n');
    const services = serviceWith('resolved');
    await services
      .current()
      .store.ensure([{ domain: 'docker.io', path: 'library/alpine', tag: '3.19' }], new AbortController().signal);
    const provider = createCodeActionProvider(new DocumentScans(), services);
    const range = new Range(0, 0, 0, 0) as unknown as vscode.Range;
    const context = { diagnostics: [], triggerKind: 1, only: undefined } as unknown as vscode.CodeActionContext;
    const actions = (await provider.provideCodeActions(
      document,
      range,
      context,
      neverCancelled,
    )) as unknown as CodeAction[];
    expect(actions.map((action) => action.title)).toEqual([
      'Pin alpine:3.19 to sha256:dddddddddddd',
      'Open the evidence for docker.io/library/alpine:3.19',
    ]);
    expect(actions[1]?.command).toEqual({
      command: 'imageTrust.openEvidence',
      title: 'Open the evidence for docker.io/library/alpine:3.19',
      arguments: ['docker.io/library/alpine:3.19', undefined],
    });
    const edit = actions[0]?.edit as WorkspaceEdit;
    expect(edit.replacements).toMatchObject([{ uri: { fsPath: '/w/Dockerfile' }, newText: `alpine:3.19@${DIGEST}` }]);
  });
});
