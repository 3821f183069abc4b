import { isGoSpace } from '../go-space';
import { isSplitSpace, skipGoSpace } from './go-text';
import type { Word } from './instruction';
import { parseWords } from './parse-words';

/**
 * BuildKit's per-instruction argument parsers (line_parsers.go): what the AST holds for each instruction. Errors are
 * returned as messages (BuildKit fails the whole parse on them).
 */
export interface ParsedArgs {
  args: Word[];
  json: boolean;
}

export class ArgsError extends Error {}

type ArgsParser = (line: string, start: number, end: number, escape: number) => ParsedArgs;

const none: ParsedArgs = { args: [], json: false };

function whitespaceDelimited(line: string, start: number, end: number): ParsedArgs {
  const args: Word[] = [];
  let i = start;
  while (i < end) {
    let j = i;
    while (j < end && !isSplitSpace(line.charCodeAt(j))) j++;
    args.push({ value: line.slice(i, j), start: i, end: j });
    while (j < end && isSplitSpace(line.charCodeAt(j))) j++;
    i = j;
  }
  return { args, json: false };
}

/** parseJSON: a JSON array of strings; null when not JSON (then the text form applies). */
function jsonArray(line: string, start: number, end: number): ParsedArgs | null {
  const from = skipGoSpace(line, start, end);
  if (line.charCodeAt(from) !== 0x5b || from >= end) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line.slice(from, end));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  if (!parsed.every((item) => typeof item === 'string')) {
    throw new ArgsError('when using JSON array syntax, arrays must be comprised of strings only');
  }
  return { args: parsed.map((value: string) => ({ value, start: from, end })), json: true };
}

function maybeJson(line: string, start: number, end: number): ParsedArgs {
  if (start >= end) return none;
  return jsonArray(line, start, end) ?? { args: [{ value: line.slice(start, end), start, end }], json: false };
}

function maybeJsonToList(line: string, start: number, end: number): ParsedArgs {
  return jsonArray(line, start, end) ?? whitespaceDelimited(line, start, end);
}

function single(line: string, start: number, end: number): ParsedArgs {
  return start >= end ? none : { args: [{ value: line.slice(start, end), start, end }], json: false };
}

function nameOrNameVal(line: string, start: number, end: number, escape: number): ParsedArgs {
  return { args: parseWords(line, start, end, escape), json: false };
}

/** ENV and LABEL: `key value` (legacy) or `key=value ...`; each pair is followed by its separator node. */
function nameVal(command: string): ArgsParser {
  return (line, start, end, escape) => {
    const words = parseWords(line, start, end, escape);
    const first = words[0];
    if (!first) return none;
    if (!first.value.includes('=')) {
      let cut = start;
      while (cut < end && !isSplitSpace(line.charCodeAt(cut))) cut++;
      let value = cut;
      while (value < end && isSplitSpace(line.charCodeAt(value))) value++;
      if (cut === end) throw new ArgsError(`${command} must have two arguments`);
      const key = { value: line.slice(start, cut), start, end: cut };
      return {
        args: [key, { value: line.slice(value, end), start: value, end }, { value: '', start: end, end }],
        json: false,
      };
    }
    const args: Word[] = [];
    for (const word of words) {
      const eq = word.value.indexOf('=');
      if (eq === -1) {
        throw new ArgsError(
          `Syntax error - can't find = in ${JSON.stringify(word.value)}. Must be of the form: name=value`,
        );
      }
      args.push({ value: word.value.slice(0, eq), start: word.start, end: word.start + eq });
      args.push({ value: word.value.slice(eq + 1), start: word.start + eq + 1, end: word.end });
      args.push({ value: '=', start: word.start + eq, end: word.start + eq + 1 });
    }
    return { args, json: false };
  };
}

function healthConfig(line: string, start: number, end: number): ParsedArgs {
  let sep = start;
  while (sep < end && !isGoSpace(line.charCodeAt(sep))) sep++;
  if (sep === start) return none;
  const cmd = maybeJson(line, skipGoSpace(line, sep, end), end);
  return { args: [{ value: line.slice(start, sep), start, end: sep }, ...cmd.args], json: cmd.json };
}

const ignore: ArgsParser = (_line, start) => ({ args: [{ value: '', start, end: start }], json: false });

const PARSERS = new Map<string, ArgsParser>(
  Object.entries({
    add: maybeJsonToList,
    arg: nameOrNameVal,
    cmd: maybeJson,
    copy: maybeJsonToList,
    entrypoint: maybeJson,
    env: nameVal('ENV'),
    expose: whitespaceDelimited,
    from: whitespaceDelimited,
    healthcheck: healthConfig,
    label: nameVal('LABEL'),
    maintainer: single,
    run: maybeJson,
    shell: maybeJson,
    stopsignal: single,
    user: single,
    volume: maybeJsonToList,
    workdir: single,
  }),
);

/** Parses the arguments of any instruction but ONBUILD; unknown instructions keep one empty node, as in BuildKit. */
export function parseArguments(command: string, line: string, start: number, end: number, escape: number): ParsedArgs {
  return (PARSERS.get(command) ?? ignore)(line, start, end, escape);
}

export const KNOWN_INSTRUCTIONS = new Set([...PARSERS.keys(), 'onbuild']);
