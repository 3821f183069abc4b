import type { ScanError } from '../found-image';
import { DirectiveParser } from './directives';
import { skipGoSpace } from './go-text';
import { readHeredocBodies } from './heredoc-bodies';
import type { Instruction } from './instruction';
import { parseInstruction } from './instruction-line';
import { LogicalLine } from './logical-line';
import { PhysicalLines } from './physical-lines';

/**
 * BuildKit's parser.Parse: directives, continuation lines (comments and empty lines inside them are dropped),
 * instructions and heredoc bodies. Where BuildKit stops at the first error, this records a ScanError and goes on.
 */
export interface ParsedDockerfile {
  instructions: Instruction[];
  errors: ScanError[];
  escape: string;
}

export function parseDockerfile(text: string): ParsedDockerfile {
  return new Parser(text).parse();
}

class Parser {
  private readonly lines: PhysicalLines;
  private readonly directives = new DirectiveParser();
  private escape = 0x5c;
  private readonly instructions: Instruction[] = [];
  private readonly errors: ScanError[] = [];
  private readonly missingHeredocs = new Map<string, number>();

  constructor(text: string) {
    this.lines = new PhysicalLines(text);
  }

  parse(): ParsedDockerfile {
    const lines = this.lines;
    while (lines.read()) {
      const from = skipGoSpace(lines.text, lines.start, lines.end);
      const content = this.processLine(from);
      const startLine = lines.number;
      const { end, continued } = this.trimContinuation(from, content);
      if (!continued && end === from) continue;
      const line = new LogicalLine();
      line.append(lines.text, from, end);
      if (continued) this.readContinuation(line);
      this.addInstruction(line, startLine);
    }
    if (this.instructions.length === 0) this.error(Math.max(lines.number, 1), 'file with no instructions');
    return { instructions: this.instructions, errors: this.errors, escape: String.fromCharCode(this.escape) };
  }

  /** processLine: directive check, then the content end ([from, end) is empty for a comment). */
  private processLine(from: number): number {
    const lines = this.lines;
    if (lines.tooLong()) this.error(lines.number, 'dockerfile line greater than max allowed size of 65535');
    const directive = this.directives.parseLine(lines.text, from, lines.end);
    if (directive && 'error' in directive) this.error(lines.number, directive.error);
    else if (directive?.name === 'escape') this.setEscape(directive.value);
    return lines.isComment(from) ? from : lines.end;
  }

  private setEscape(value: string): void {
    if (value === '\\' || value === '`') this.escape = value.charCodeAt(0);
    else this.error(this.lines.number, `invalid escape token '${value}' does not match \` or \\`);
  }

  private readContinuation(line: LogicalLine): void {
    const lines = this.lines;
    while (lines.read()) {
      const content = this.processLine(lines.start);
      if (lines.isComment()) continue;
      if (skipGoSpace(lines.text, lines.start, content) === content) continue;
      const { end, continued } = this.trimContinuation(lines.start, content);
      line.append(lines.text, lines.start, end);
      if (!continued) return;
    }
  }

  /** The continuation regexp `([^E])E[ \t]*$|^E[ \t]*$` without its backtracking. */
  private trimContinuation(from: number, to: number): { end: number; continued: boolean } {
    const text = this.lines.text;
    let end = to;
    while (end > from && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x09)) end--;
    const at = end - 1;
    if (at < from || text.charCodeAt(at) !== this.escape) return { end: to, continued: false };
    if (at === from || text.charCodeAt(at - 1) !== this.escape) return { end: at, continued: true };
    return { end: to, continued: false };
  }

  private addInstruction(line: LogicalLine, startLine: number): void {
    const parsed = parseInstruction(line.text, this.escape);
    if ('error' in parsed) {
      this.error(startLine, parsed.error);
      return;
    }
    const instruction: Instruction = {
      command: parsed.command,
      flags: parsed.flags,
      args: parsed.args,
      json: parsed.json,
      heredocs: [],
      startLine,
      endLine: this.lines.number,
      line,
    };
    if (parsed.trigger) instruction.trigger = parsed.trigger;
    const bodies = readHeredocBodies(instruction, this.lines, this.missingHeredocs);
    if ('error' in bodies) this.error(startLine, bodies.error);
    else instruction.heredocs = bodies;
    instruction.endLine = this.lines.number;
    this.instructions.push(instruction);
  }

  private error(line: number, message: string): void {
    this.errors.push({ line, message });
  }
}
