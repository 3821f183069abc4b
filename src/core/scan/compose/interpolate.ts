/**
 * Compose variable interpolation with the exact semantics of compose-go `template.Substitute` (default pattern),
 * computed in linear time. compose-go matches `${NAME<op>…}` with a greedy `(.*)}` that runs to the last `}` on the
 * line, cuts that match at the first balanced `}` and substitutes the remainder as a new template; re-running a regex
 * on each remainder is quadratic, so the brace tables in `brace-tables.ts` answer those questions in O(1).
 */
import { BraceTables } from './brace-tables';
import { type TemplateOperator, operatorAt } from './template-operator';
import { isNameContinue, isNameStart } from './template-name';

/** Resolves a variable; `undefined` means unset (an empty string is set). */
export type VariableLookup = (name: string) => string | undefined;

/** One variable compose-go looked up; `branch` is set when the text of a `${V<op>text}` branch was used. */
export interface VariableUse {
  name: string;
  found: boolean;
  /** Offsets [start, end) of the branch text in the template when it produced the value. */
  branch?: { start: number; end: number };
}

export type InterpolationErrorCode = 'COMPOSE_INVALID_TEMPLATE' | 'COMPOSE_MISSING_REQUIRED';

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
  /** The substituted text; on error it is what compose-go returns beside the error (partial). */
  value: string;
  error?: InterpolationError;
  used: VariableUse[];
  /** Variables that were unset and had no default: compose-go warns and uses an empty string. */
  unset: string[];
}

interface Piece {
  value: string;
  error?: InterpolationError;
}

/** Substitutes `$V`, `${V}`, `${V:-x}`, `${V-x}`, `${V:?e}`, `${V?e}`, `${V:+x}`, `${V+x}` and `$$` like compose-go. */
export function interpolate(template: string, lookup: VariableLookup): Interpolation {
  if (!template.includes('$')) return { value: template, used: [], unset: [] };
  const run = new TemplateRun(template, lookup);
  const { value, error } = run.substitute(0, template.length);
  return error ? { value, error, used: run.used, unset: run.unset } : { value, used: run.used, unset: run.unset };
}

class TemplateRun {
  readonly used: VariableUse[] = [];
  readonly unset: string[] = [];
  private tables: BraceTables | undefined;

  constructor(
    private readonly text: string,
    private readonly lookup: VariableLookup,
  ) {}

  /** Go's ReplaceAllStringFunc over text[start, end): the first error is kept, scanning goes on. */
  substitute(start: number, end: number): Piece {
    const { text } = this;
    let out = '';
    let error: InterpolationError | undefined;
    let copied = start;
    for (let i = text.indexOf('$', start); i !== -1 && i < end; i = text.indexOf('$', i)) {
      const next = i + 1 < end ? text.charCodeAt(i + 1) : -1;
      let piece: Piece;
      let after: number;
      if (next === 0x24) {
        piece = { value: '$' };
        after = i + 2;
      } else if (isNameStart(next)) {
        after = this.nameEnd(i + 1, end);
        piece = { value: this.plain(text.slice(i + 1, after)) };
      } else if (next === 0x7b) {
        [piece, after] = this.braced(i, start, end);
      } else {
        i += 1;
        continue;
      }
      out += text.slice(copied, i) + piece.value;
      error ??= piece.error;
      copied = after;
      i = after;
    }
    return { value: out + text.slice(copied, end), ...(error && { error }) };
  }

  /** `${…}` at `dollar`: returns the replacement and where scanning resumes. */
  private braced(dollar: number, start: number, end: number): [Piece, number] {
    const nameStart = dollar + 2;
    const nameEnd = this.nameEnd(nameStart, end);
    const invalid: [Piece, number] = [{ value: '', error: this.invalidTemplate(start, end) }, dollar + 2];
    if (nameEnd === nameStart) return invalid;
    const name = this.text.slice(nameStart, nameEnd);
    if (this.text.charCodeAt(nameEnd) === 0x7d && nameEnd < end) return [{ value: this.plain(name) }, nameEnd + 1];
    const operator = operatorAt(this.text, nameEnd, end);
    if (!operator) return invalid;
    const argStart = nameEnd + operator.length;
    this.tables ??= new BraceTables(this.text);
    const matchEnd = this.tables.lastBraceOnLine(argStart, end);
    if (matchEnd === -1) return invalid;
    const closing = this.tables.closingBrace(dollar + 1, matchEnd);
    const argEnd = closing === -1 ? matchEnd : closing;
    const head = this.apply(name, operator, argStart, argEnd);
    if (head.error || closing === -1 || closing === matchEnd) return [head, matchEnd + 1];
    const rest = this.substitute(closing + 1, matchEnd + 1);
    return [rest.error ? { value: '', error: rest.error } : { value: head.value + rest.value }, matchEnd + 1];
  }

  private apply(name: string, operator: TemplateOperator, argStart: number, argEnd: number): Piece {
    const value = this.lookup(name);
    const isSet = value !== undefined;
    const nonEmpty = isSet && value !== '';
    switch (operator) {
      case ':-':
      case '-':
        return (operator === ':-' ? nonEmpty : isSet)
          ? this.found(name, value)
          : this.branch(name, isSet, argStart, argEnd);
      case ':+':
      case '+':
        return (operator === ':+' ? nonEmpty : isSet)
          ? this.branch(name, isSet, argStart, argEnd)
          : this.found(name, value);
      case ':?':
      case '?':
        return (operator === ':?' ? nonEmpty : isSet) ? this.found(name, value) : this.required(name, argStart, argEnd);
    }
  }

  private found(name: string, value: string | undefined): Piece {
    this.used.push({ name, found: value !== undefined });
    return { value: value ?? '' };
  }

  private branch(name: string, found: boolean, start: number, end: number): Piece {
    this.used.push({ name, found, branch: { start, end } });
    const inner = this.substitute(start, end);
    return inner.error ? { value: '', error: inner.error } : inner;
  }

  private required(name: string, start: number, end: number): Piece {
    const reason = this.substitute(start, end);
    if (reason.error) return { value: '', error: reason.error };
    const message = `required variable ${name} is missing a value${reason.value ? `: ${reason.value}` : ''}`;
    return { value: '', error: { code: 'COMPOSE_MISSING_REQUIRED', message, variable: name, reason: reason.value } };
  }

  /** `$V` and `${V}`: an unset variable becomes '' with a warning. */
  private plain(name: string): string {
    const value = this.lookup(name);
    this.used.push({ name, found: value !== undefined });
    if (value === undefined) this.unset.push(name);
    return value ?? '';
  }

  private nameEnd(from: number, end: number): number {
    if (from >= end || !isNameStart(this.text.charCodeAt(from))) return from;
    let i = from + 1;
    while (i < end && isNameContinue(this.text.charCodeAt(i))) i += 1;
    return i;
  }

  private invalidTemplate(start: number, end: number): InterpolationError {
    const template = this.text.slice(start, end);
    return { code: 'COMPOSE_INVALID_TEMPLATE', message: `Invalid template: ${JSON.stringify(template)}`, template };
  }
}
