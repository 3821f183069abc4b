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

/** A subsystem's CoreError: its own codes, and the evidence beside the message (never a credential). */
export class DetailedError<Code extends string, Details extends object> extends CoreError {
  declare readonly code: Code;
  readonly details: Details;

  constructor(code: Code, message: string, details: Details, cause?: unknown) {
    super(code, message, cause === undefined ? undefined : { cause });
    this.details = details;
  }
}

export function isCoreError(value: unknown): value is CoreError {
  return value instanceof CoreError;
}
