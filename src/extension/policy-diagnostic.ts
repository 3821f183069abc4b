import * as vscode from 'vscode';
import type { CoreError } from '../core/errors';
import { PolicyError } from '../core/policy';

/** A policy mistake at its line and column (the start of the file when the error has no place). */
export function toPolicyDiagnostic(error: CoreError): vscode.Diagnostic {
  const at = error instanceof PolicyError ? error.position : undefined;
  const position = new vscode.Position((at?.line ?? 1) - 1, (at?.column ?? 1) - 1);
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(position, position.translate(0, 1)),
    `${error.message}; the default policy applies until this is fixed`,
    vscode.DiagnosticSeverity.Error,
  );
  diagnostic.code = error.code;
  diagnostic.source = 'Image Trust';
  return diagnostic;
}
