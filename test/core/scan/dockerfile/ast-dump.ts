import type { InstructionNode } from '../../../../src/core/scan/dockerfile/instruction';

/** Go's strconv.Quote: printable characters kept, the rest escaped. */
export function goQuote(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (code === 0x07) out += '\\a';
    else if (code === 0x08) out += '\\b';
    else if (code === 0x0c) out += '\\f';
    else if (code === 0x0a) out += '\\n';
    else if (code === 0x0d) out += '\\r';
    else if (code === 0x09) out += '\\t';
    else if (code === 0x0b) out += '\\v';
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0');
    else if (/[\p{C}\p{Zl}\p{Zp}]/u.test(ch) || (code >= 0x80 && code <= 0xa0 && code !== 0xa0))
      out += code > 0xffff ? '\\U' + code.toString(16).padStart(8, '0') : '\\u' + code.toString(16).padStart(4, '0');
    else out += ch;
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
