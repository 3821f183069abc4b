import { CoreError } from '../errors';

export type PolicyErrorCode = 'POLICY_SYNTAX' | 'POLICY_UNKNOWN_KEY' | 'POLICY_INVALID_VALUE';

/** Where in the policy the mistake is: 1-based line and column; absent for a policy given as an object. */
export interface PolicyPosition {
  line: number;
  column: number;
}

/** A policy that cannot be applied as written: never replaced by defaults, always reported with its place. */
export class PolicyError extends CoreError {
  declare readonly code: PolicyErrorCode;

  constructor(
    code: PolicyErrorCode,
    message: string,
    readonly source: string,
    readonly position?: PolicyPosition,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }

  /** `file:line:column: message [CODE]`, as compilers print it. */
  get located(): string {
    const at = this.position ? `:${this.position.line}:${this.position.column}` : '';
    return `${this.source}${at}: ${this.message} [${this.code}]`;
  }
}
