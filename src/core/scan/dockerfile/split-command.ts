import { isGoSpace } from '../go-space';
import { isSplitSpace, skipGoSpace, trimGoSpaceEnd } from './go-text';
import type { Flag } from './instruction';

/**
 * splitCommand / extractBuilderFlags: the instruction name, the leading `--flags` (quotes and escapes removed) and
 * the span of the remaining arguments, all as indices into the logical line.
 */
export interface SplitCommand {
  command: string;
  flags: Flag[];
  argsStart: number;
  argsEnd: number;
}

export function splitCommand(line: string, escape: number): SplitCommand {
  const start = skipGoSpace(line, 0);
  const end = trimGoSpaceEnd(line, start, line.length);
  let cut = start;
  while (cut < end && !isSplitSpace(line.charCodeAt(cut))) cut++;
  const command = line.slice(start, cut);
  if (cut === end) return { command, flags: [], argsStart: end, argsEnd: end };
  let rest = cut;
  while (rest < end && isSplitSpace(line.charCodeAt(rest))) rest++;
  const { flags, remaining } = extractBuilderFlags(line, rest, end, escape);
  const argsStart = skipGoSpace(line, remaining, end);
  return { command, flags, argsStart, argsEnd: trimGoSpaceEnd(line, argsStart, end) };
}

class FlagBuilder {
  value = '';
  /** Only kept once a quote or escape makes the value differ from its raw text. */
  positions: number[] | undefined;
  start = -1;
  blankOk = false;

  add(line: string, at: number): void {
    if (this.positions === undefined && at !== this.start + this.value.length) {
      this.positions = [];
      for (let i = 0; i < this.value.length; i++) this.positions.push(this.start + i);
    }
    this.value += line[at];
    this.positions?.push(at);
  }

  take(end: number): Flag {
    const flag: Flag = { value: this.value, start: this.start, end };
    if (this.positions) flag.positions = this.positions;
    this.value = '';
    this.positions = undefined;
    this.blankOk = false;
    return flag;
  }
}

function extractBuilderFlags(line: string, from: number, to: number, escape: number) {
  const flags: Flag[] = [];
  const word = new FlagBuilder();
  let phase: 'spaces' | 'word' | 'quote' = 'spaces';
  let quote = 0;
  for (let pos = from; pos <= to; pos++) {
    const ch = pos < to ? line.charCodeAt(pos) : -1;
    if (phase === 'spaces') {
      if (pos === to) break;
      if (isGoSpace(ch)) continue;
      // Flags end at the first word that does not start with `--`.
      if (ch !== 0x2d || pos + 1 === to || line.charCodeAt(pos + 1) !== 0x2d) return { flags, remaining: pos };
      phase = 'word';
      word.start = pos;
    }
    if (pos === to) {
      if (word.value !== '--' && (word.blankOk || word.value.length > 0)) flags.push(word.take(pos));
      break;
    }
    if (phase === 'word') {
      if (isGoSpace(ch)) {
        phase = 'spaces';
        if (word.value === '--') return { flags, remaining: pos };
        if (word.blankOk || word.value.length > 0) flags.push(word.take(pos));
        else word.take(pos);
        continue;
      }
      if (ch === 0x27 || ch === 0x22) {
        quote = ch;
        word.blankOk = true;
        phase = 'quote';
        continue;
      }
    } else if (ch === quote) {
      phase = 'word';
      continue;
    }
    if (ch === escape) {
      if (pos + 1 === to) {
        phase = 'word';
        continue;
      }
      pos++;
    }
    word.add(line, pos);
  }
  return { flags, remaining: to };
}
