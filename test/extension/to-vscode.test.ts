import { describe, expect, it, vi } from 'vitest';
import type * as vscode from 'vscode';
import { fromPosition, fromRange, toDiagnostic, toRange, toWorkspaceEdit } from '../../src/extension/to-vscode';
import { Position, Range, type WorkspaceEdit } from './vscode-values';

vi.mock('vscode', () => import('./vscode-values'));

const range = { line: 2, column: 6, endLine: 2, endColumn: 17 };

describe('to-vscode', () => {
  it('turns 1-based source ranges into 0-based editor ranges and back', () => {
    expect(toRange(range)).toEqual(new Range(1, 5, 1, 16));
    expect(fromRange(new Range(1, 5, 1, 16) as unknown as vscode.Range)).toEqual(range);
    expect(fromPosition(new Position(0, 0) as unknown as vscode.Position)).toEqual({ line: 1, column: 1 });
  });

  it('keeps the code, source and severity of a diagnostic', () => {
    const diagnostic = toDiagnostic({
      range,
      severity: 'information',
      code: 'PIN_OUTDATED',
      message: 'm',
      source: 'Image Trust',
    });
    expect(diagnostic).toMatchObject({ code: 'PIN_OUTDATED', source: 'Image Trust', severity: 2, message: 'm' });
  });

  it('puts every file edit into one workspace edit', () => {
    const edit = toWorkspaceEdit([
      { file: '/w/Dockerfile', range, expected: 'a', newText: 'a@sha256:1' },
      { file: '/w/.env', range, expected: 'b', newText: 'b@sha256:2' },
    ]) as unknown as WorkspaceEdit;
    expect(edit.replacements.map((one) => [one.uri.fsPath, one.newText])).toEqual([
      ['/w/Dockerfile', 'a@sha256:1'],
      ['/w/.env', 'b@sha256:2'],
    ]);
  });
});
