/**
 * Compose variable interpolation with the semantics of compose-go `template.Substitute` (default pattern), in linear
 * time: `$V`, `${V}`, `${V:-x}`, `${V-x}`, `${V:?e}`, `${V?e}`, `${V:+x}`, `${V+x}`, nested expressions in the
 * branches, `$$` for a literal `$`. The algorithm itself is in template-run.ts.
 */
import { TemplateRun } from './template-run';

/** Resolves a variable; `undefined` means unset (an empty string is set). */
export type VariableLookup = (name: string) => string | undefined;

/** One variable compose-go looked up; `branch` is set when the text of a `${V<op>text}` branch was used. */
export interface VariableUse {
  name: string;
  found: boolean;
  /** Offsets [start, end) of the branch text in the template when it produced the value. */
  branch?: { start: number; end: number };
}

/** `COMPOSE_TEMPLATE_TOO_DEEP` is ours: more nested `${…${…}}` levels than MAX_TEMPLATE_DEPTH (compose-go has no cap). */
export type InterpolationErrorCode =
  'COMPOSE_INVALID_TEMPLATE' | 'COMPOSE_MISSING_REQUIRED' | 'COMPOSE_TEMPLATE_TOO_DEEP';

export interface InterpolationError {
  code: InterpolationErrorCode;
  /** compose-go's message: `Invalid template: "…"` or `required variable X is missing a value[: reason]`. */
  message: string;
  /** The (innermost) template that holds an invalid `$` expression. */
  template?: string;
  variable?: string;
  reason?: string;
}

export interface Interpolation {
  /** The substituted text; when there is an error it is only a partial result. */
  value: string;
  error?: InterpolationError;
  used: VariableUse[];
  /** Variables that were unset and had no default: compose-go warns and uses an empty string. */
  unset: string[];
}

export function interpolate(template: string, lookup: VariableLookup): Interpolation {
  if (!template.includes('$')) return { value: template, used: [], unset: [] };
  const run = new TemplateRun(template, lookup);
  const { value, error } = run.substitute(0, template.length, 0);
  const result: Interpolation = { value, used: run.used, unset: run.unset };
  if (error) result.error = run.toError(error);
  return result;
}
