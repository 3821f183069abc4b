/**
 * A YAML scalar as written in the compose file. `range`/`text` are the characters between the quotes for a quoted
 * scalar (pinning edits inside them and keeps the quotes), the whole scalar otherwise. Interpolation works on the
 * YAML value (escapes and folding already applied), as compose-go does.
 */
import { type Scalar } from 'yaml';
import type { LineIndex, SourceRange } from '../source-range';

export interface WrittenScalar {
  /** The YAML value: a string for strings; numbers, booleans and null are not interpolated by compose-go. */
  value: unknown;
  text: string;
  start: number;
  end: number;
  range: SourceRange;
  /** True when `text` is exactly the value, so offsets in the value are offsets in the file. */
  verbatim: boolean;
}

export function writtenScalar(node: Scalar, source: string, index: LineIndex): WrittenScalar {
  const [nodeStart, nodeEnd] = node.range ?? [0, 0];
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  const start = quoted ? nodeStart + 1 : nodeStart;
  const end = quoted ? Math.max(start, nodeEnd - 1) : nodeEnd;
  const text = source.slice(start, end);
  return { value: node.value, text, start, end, range: index.range(start, end), verbatim: text === node.value };
}
