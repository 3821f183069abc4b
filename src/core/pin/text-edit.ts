import { CoreError } from '../errors';
import { LineIndex, type SourceRange } from '../scan/source-range';

/** A replacement of the text at `range`; `expected` is what must be there now, so a stale edit is refused. */
export interface TextEdit {
  range: SourceRange;
  expected: string;
  newText: string;
}

export class PinError extends CoreError {}

/** Applies edits to a text; everything outside the edited ranges stays byte-identical. Throws PIN_STALE_EDIT. */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const index = new LineIndex(text);
  const spans = edits
    .map((edit) => ({
      start: index.offset(edit.range.line, edit.range.column),
      end: index.offset(edit.range.endLine, edit.range.endColumn),
      edit,
    }))
    .sort((a, b) => a.start - b.start);
  let result = '';
  let cursor = 0;
  for (const span of spans) {
    const found = text.slice(span.start, span.end);
    if (span.start < cursor || found !== span.edit.expected) {
      throw new PinError(
        'PIN_STALE_EDIT',
        `expected '${span.edit.expected}' at line ${span.edit.range.line}, column ${span.edit.range.column} but found '${found}'; the file changed — scan again`,
      );
    }
    result += text.slice(cursor, span.start) + span.edit.newText;
    cursor = span.end;
  }
  return result + text.slice(cursor);
}
