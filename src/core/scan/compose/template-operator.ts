/** The six `${NAME<op>arg}` operators of compose-go templates, in compose-go's order of preference. */
export const TEMPLATE_OPERATORS = [':?', '?', ':-', '-', ':+', '+'] as const;

export type TemplateOperator = (typeof TEMPLATE_OPERATORS)[number];

/** The operator written at `index` (it always follows the variable name directly), if any. */
export function operatorAt(text: string, index: number, end: number): TemplateOperator | undefined {
  const c = text[index];
  if (index >= end || c === undefined) return undefined;
  if (c === ':') {
    const next = index + 1 < end ? text[index + 1] : undefined;
    return next === '?' || next === '-' || next === '+' ? `:${next}` : undefined;
  }
  return c === '?' || c === '-' || c === '+' ? c : undefined;
}

/**
 * compose-go's choice for the inner text of `${…}`: the operator that occurs first. For a well-formed expression this
 * is the one right after the name, which is what `operatorAt` reads; this form exists to check that equivalence.
 */
export function substitutionOperator(inner: string): TemplateOperator | undefined {
  let best: TemplateOperator | undefined;
  let bestIndex = Infinity;
  for (const operator of TEMPLATE_OPERATORS) {
    const index = inner.indexOf(operator);
    if (index !== -1 && index < bestIndex) [best, bestIndex] = [operator, index];
  }
  return best;
}
