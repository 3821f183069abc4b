import type { InstructionNode } from '../../../../src/core/scan/dockerfile/instruction';

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const SHORT_ESCAPES: Record<string, string> = {
  '\x07': 'a',
  '\b': 'b',
  '\f': 'f',
  '\n': 'n',
  '\r': 'r',
  '\t': 't',
  '\v': 'v',
};

/** Go's strconv.Quote: printable characters (unicode.IsPrint) kept, the rest escaped. */
export function goQuote(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) as number;
    const short = SHORT_ESCAPES[ch];
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (short) out += '\\' + short;
    else if (PRINTABLE.test(ch)) out += ch;
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0');
    else if (code > 0xffff) out += '\\U' + code.toString(16).padStart(8, '0');
    else out += '\\u' + code.toString(16).padStart(4, '0');
  }
  return out + '"';
}

/** Node.Dump() of one instruction, as in BuildKit's parser golden files. */
export function dumpNode(node: InstructionNode): string {
  let out = node.command.toLowerCase();
  if (node.flags.length > 0) out += ' [' + node.flags.map((f) => goQuote(f.value)).join(' ') + ']';
  if (node.trigger) out += ' (' + dumpNode(node.trigger) + ')\n';
  for (const arg of node.args) out += ' ' + goQuote(arg.value);
  return out.trim();
}

export function dumpAst(nodes: InstructionNode[]): string {
  return nodes.map((node) => `(${dumpNode(node)})\n`).join('');
}
