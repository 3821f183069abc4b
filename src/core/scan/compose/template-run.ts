/**
 * One interpolation of one template, following compose-go's template.go step by step but without its quadratic
 * parts. compose-go matches `${NAME<op>…}` with a greedy `(.*)}` that runs to the last `}` on the line, cuts the
 * match at the first balanced `}` and substitutes the remainder as a new template. Here brace-tables.ts answers
 * both brace questions in O(1), and the remainder is scanned in place (it ends where the match ends, so the result
 * is the same) while remembering its start, which compose-go names in `Invalid template` errors.
 */
import { BraceTables } from './brace-tables';
import type { InterpolationError, VariableLookup, VariableUse } from './interpolate';
import { isNameContinue, isNameStart } from './template-name';
import { operatorAt, type TemplateOperator } from './template-operator';

/** Nesting cap for `${A:-${B:-…}}`, far beyond real files, so recursion cannot exhaust the stack. */
export const MAX_TEMPLATE_DEPTH = 500;

/** Errors stay as offsets until the end: building a message per failed match would cost O(n) each time. */
type PendingError =
  | { kind: 'invalid'; start: number; end: number }
  | { kind: 'deep' }
  | { kind: 'required'; variable: string; reason: string };

interface Piece {
  value: string;
  error?: PendingError;
}

interface Window {
  start: number;
  end: number;
}

interface Braced {
  piece: Piece;
  next: number;
  /** The remainder after the first balanced `}`, when it is scanned next: compose-go's template for its errors. */
  rest?: Window;
}

export class TemplateRun {
  readonly used: VariableUse[] = [];
  readonly unset: string[] = [];
  private tables: BraceTables | undefined;

  constructor(
    private readonly text: string,
    private readonly lookup: VariableLookup,
  ) {}

  /** Go's ReplaceAllStringFunc over text[start, end): the first error is kept and scanning goes on. */
  substitute(start: number, end: number, depth: number): Piece {
    if (depth > MAX_TEMPLATE_DEPTH) return { value: '', error: { kind: 'deep' } };
    const { text } = this;
    const out: string[] = [];
    let error: PendingError | undefined;
    let copied = start;
    let template: Window = { start, end };
    let i = text.indexOf('$', start);
    while (i !== -1 && i < end) {
      const next = i + 1 < end ? text.charCodeAt(i + 1) : -1;
      let step: Braced;
      if (next === 0x24) step = { piece: { value: '$' }, next: i + 2 };
      else if (isNameStart(next)) step = this.named(i, end);
      else if (next === 0x7b) step = this.braced(i, i < template.end ? template : { start, end }, end, depth);
      else {
        i = text.indexOf('$', i + 1);
        continue;
      }
      out.push(text.slice(copied, i), step.piece.value);
      error ??= step.piece.error;
      copied = step.next;
      if (step.rest) template = step.rest;
      i = text.indexOf('$', step.next);
    }
    out.push(text.slice(copied, end));
    return { value: out.join(''), ...(error && { error }) };
  }

  toError(error: PendingError): InterpolationError {
    if (error.kind === 'deep') {
      return { code: 'COMPOSE_TEMPLATE_TOO_DEEP', message: `more than ${MAX_TEMPLATE_DEPTH} nested expressions` };
    }
    if (error.kind === 'required') {
      const { variable, reason } = error;
      const message = `required variable ${variable} is missing a value${reason ? `: ${reason}` : ''}`;
      return { code: 'COMPOSE_MISSING_REQUIRED', message, variable, reason };
    }
    const template = this.text.slice(error.start, error.end);
    return { code: 'COMPOSE_INVALID_TEMPLATE', message: `Invalid template: ${JSON.stringify(template)}`, template };
  }

  private named(dollar: number, end: number): Braced {
    const nameEnd = this.nameEnd(dollar + 1, end);
    return { piece: { value: this.plain(this.text.slice(dollar + 1, nameEnd)) }, next: nameEnd };
  }

  /** `${…}` at `dollar`; `template` is the text compose-go would be substituting there (for error text). */
  private braced(dollar: number, template: Window, end: number, depth: number): Braced {
    const invalid = (): Braced => ({
      piece: { value: '', error: { kind: 'invalid', ...template } },
      next: dollar + 2,
    });
    const nameStart = dollar + 2;
    const nameEnd = this.nameEnd(nameStart, end);
    if (nameEnd === nameStart) return invalid();
    const name = this.text.slice(nameStart, nameEnd);
    if (nameEnd < end && this.text.charCodeAt(nameEnd) === 0x7d)
      return { piece: { value: this.plain(name) }, next: nameEnd + 1 };
    const operator = operatorAt(this.text, nameEnd, end);
    if (!operator) return invalid();
    const argStart = nameEnd + operator.length;
    this.tables ??= new BraceTables(this.text);
    const matchEnd = this.tables.lastBraceOnLine(argStart, end);
    if (matchEnd === -1) return invalid();
    const closing = this.tables.closingBrace(dollar + 1, matchEnd);
    const piece = this.apply(name, operator, argStart, closing === -1 ? matchEnd : closing, depth);
    if (piece.error || closing === -1 || closing === matchEnd) return { piece, next: matchEnd + 1 };
    return { piece, next: closing + 1, rest: { start: closing + 1, end: matchEnd + 1 } };
  }

  private apply(name: string, operator: TemplateOperator, argStart: number, argEnd: number, depth: number): Piece {
    const value = this.lookup(name);
    const isSet = value !== undefined;
    const nonEmpty = isSet && value !== '';
    const strict = operator.startsWith(':');
    const present = strict ? nonEmpty : isSet;
    if (operator.endsWith('-'))
      return present ? this.found(name, value) : this.branch(name, isSet, argStart, argEnd, depth);
    if (operator.endsWith('+'))
      return present ? this.branch(name, isSet, argStart, argEnd, depth) : this.found(name, value);
    return present ? this.found(name, value) : this.required(name, argStart, argEnd, depth);
  }

  private found(name: string, value: string | undefined): Piece {
    this.used.push({ name, found: value !== undefined });
    return { value: value ?? '' };
  }

  private branch(name: string, found: boolean, start: number, end: number, depth: number): Piece {
    this.used.push({ name, found, branch: { start, end } });
    const inner = this.substitute(start, end, depth + 1);
    return inner.error ? { value: '', error: inner.error } : inner;
  }

  private required(variable: string, start: number, end: number, depth: number): Piece {
    const reason = this.substitute(start, end, depth + 1);
    return { value: '', error: reason.error ?? { kind: 'required', variable, reason: reason.value } };
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
}
