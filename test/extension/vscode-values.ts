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

/** A diagnostic collection as a plain map: what VS Code would show in Problems, per URI. */
export class DiagnosticCollection {
  readonly entries = new Map<string, Diagnostic[]>();

  set(uri: Uri, diagnostics: Diagnostic[]): void {
    this.entries.set(uri.toString(), diagnostics);
  }

  has(uri: Uri): boolean {
    return this.entries.has(uri.toString());
  }

  delete(uri: Uri): void {
    this.entries.delete(uri.toString());
  }

  dispose(): void {
    this.entries.clear();
  }
}

/** The collections the adapters created, so a test can read what they show. */
export const createdCollections: DiagnosticCollection[] = [];

export const languages = {
  createDiagnosticCollection: () => {
    const collection = new DiagnosticCollection();
    createdCollections.push(collection);
    return collection;
  },
};

export const workspace = { textDocuments: [] as unknown[] };
