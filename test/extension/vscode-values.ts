/**
 * VS Code's plain value classes (what `vscode` exports as data: ranges, diagnostics, edits, hovers), for
 * running the adapters under vitest with `vi.mock('vscode', ...)`. Only data, no behaviour of VS Code itself.
 */
export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class Range {
  readonly start: Position;
  readonly end: Position;

  constructor(startLine: number, startCharacter: number, endLine: number, endCharacter: number) {
    this.start = new Position(startLine, startCharacter);
    this.end = new Position(endLine, endCharacter);
  }
}

export class Uri {
  private constructor(readonly fsPath: string) {}

  readonly scheme = 'file';

  static file(path: string): Uri {
    return new Uri(path);
  }

  toString(): string {
    return `file://${this.fsPath}`;
  }
}

export class WorkspaceEdit {
  readonly replacements: { uri: Uri; range: Range; newText: string }[] = [];

  replace(uri: Uri, range: Range, newText: string): void {
    this.replacements.push({ uri, range, newText });
  }
}

export class MarkdownString {
  isTrusted = true;

  constructor(
    readonly value: string,
    readonly supportThemeIcons = false,
  ) {}
}

export class Hover {
  constructor(
    readonly contents: MarkdownString,
    readonly range: Range,
  ) {}
}

export enum DiagnosticSeverity {
  Error = 0,
  Warning = 1,
  Information = 2,
  Hint = 3,
}

export class Diagnostic {
  code?: string;
  source?: string;

  constructor(
    readonly range: Range,
    readonly message: string,
    readonly severity: DiagnosticSeverity,
  ) {}
}

export const CodeActionKind = { QuickFix: 'quickfix' };

export class CodeAction {
  edit?: WorkspaceEdit;
  command?: { command: string; title: string; arguments?: unknown[] };
  isPreferred?: boolean;
  diagnostics?: Diagnostic[];

  constructor(
    readonly title: string,
    readonly kind: string,
  ) {}
}
