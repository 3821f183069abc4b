/** The rig's failures carry a stable code so tests (and the CI script) can tell set-up problems from test failures. */
export type RigErrorCode =
  'RIG_PACKAGES_MISSING' | 'RIG_COMMAND_FAILED' | 'RIG_PROCESS_EXITED' | 'RIG_NOT_READY' | 'RIG_PUSH_FAILED';

export class RigError extends Error {
  readonly code: RigErrorCode;

  constructor(code: RigErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RigError';
    this.code = code;
  }
}
