import * as vscode from 'vscode';
import type { DiagnosticData } from '../core/features/compute-diagnostics';
import type { FindingSeverity } from '../core/features/finding';
import type { FileTextEdit } from '../core/features/pin-edits';
import type { Position } from '../core/features/position';
import type { SourceRange } from '../core/scan/source-range';

/** SourceRange is 1-based with UTF-16 columns and an exclusive end; vscode's Range is 0-based, same units. */
export function toRange(range: SourceRange): vscode.Range {
  return new vscode.Range(range.line - 1, range.column - 1, range.endLine - 1, range.endColumn - 1);
}

export function fromRange(range: vscode.Range): SourceRange {
  const start = fromPosition(range.start);
  return { ...start, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

export function fromPosition(position: vscode.Position): Position {
  return { line: position.line + 1, column: position.character + 1 };
}

const SEVERITY: Record<FindingSeverity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toDiagnostic(data: DiagnosticData): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(data.range), data.message, SEVERITY[data.severity]);
  diagnostic.code = data.code;
  diagnostic.source = data.source;
  return diagnostic;
}

export function toWorkspaceEdit(edits: readonly FileTextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const one of edits) edit.replace(vscode.Uri.file(one.file), toRange(one.range), one.newText);
  return edit;
}
