/**
 * Every failure in the core is a CoreError with a stable `code`. The code names diagnostics, CLI JSON/SARIF rule
 * ids and exit status; the message says what to do; `cause` is kept, never interpolated into the message.
 */
export class CoreError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export function isCoreError(value: unknown): value is CoreError {
  return value instanceof CoreError;
}
