import { parseArgs } from 'node:util';
import {
  familiarString,
  parseNormalizedNamed,
  referenceName,
  referenceString,
  withDefaultTag,
} from '../core/reference';
import { EXIT, UsageError, type CliIo } from './cli-io';
import type { Command } from './commands';
import { parseOutputFormat } from './output-format';
import { terminalStyle, type TerminalStyle } from './terminal-style';

const usage = `Usage: image-trust ref REF... [options]

Shows how Docker reads each image reference: the normalized name, registry domain, repository path, tag
(':latest' when none is given), digest, the familiar short form and the full reference that would be pulled.
Put '--' before references that start with '-'.

Options:
  --format text|json     output format (default: text)
  -h, --help             show this help

Exit status: 0 when every reference is valid, 1 when any is invalid, 2 on a usage error.
`;

/** One row of the JSON output; every field but `input` and `error` is null for an invalid reference. */
interface RefRow {
  input: string;
  name: string | null;
  domain: string | null;
  path: string | null;
  tag: string | null;
  digest: string | null;
  familiar: string | null;
  reference: string | null;
  error: string | null;
}

/** A row, plus what only the text output shows: whether the tag is Docker's default rather than written. */
interface Described {
  row: RefRow;
  tagDefaulted: boolean;
}

function describeReference(input: string): Described {
  const parsed = parseNormalizedNamed(input);
  if (!parsed.ok) {
    const none = { name: null, domain: null, path: null, tag: null, digest: null, familiar: null, reference: null };
    return { row: { input, ...none, error: parsed.error.message }, tagDefaulted: false };
  }
  const pulled = withDefaultTag(parsed.value);
  const row = {
    input,
    name: referenceName(parsed.value),
    domain: parsed.value.domain,
    path: parsed.value.path,
    tag: pulled.tag ?? null,
    digest: parsed.value.digest ?? null,
    familiar: familiarString(parsed.value),
    reference: referenceString(pulled),
    error: null,
  };
  return { row, tagDefaulted: pulled !== parsed.value };
}

function textBlock({ row, tagDefaulted }: Described, style: TerminalStyle): string {
  if (row.error !== null) return `${style.bold(row.input)}\n  ${style.red('invalid')}    ${row.error}\n`;
  const tagNote = tagDefaulted ? style.dim(' (default)') : '';
  const fields: [string, string][] = [
    ['name', row.name ?? ''],
    ['domain', row.domain ?? ''],
    ['path', row.path ?? ''],
    ['tag', row.tag === null ? style.dim('none') : row.tag + tagNote],
    ['digest', row.digest ?? style.dim('none')],
    ['familiar', row.familiar ?? ''],
    ['reference', row.reference ?? ''],
  ];
  return `${style.bold(row.input)}\n${fields.map(([label, value]) => `  ${label.padEnd(10)} ${value}\n`).join('')}`;
}

function parseRefArgs(args: string[]): { format: 'text' | 'json'; refs: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string' } } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.positionals.length === 0) throw new UsageError('give at least one image reference');
  return { format: parseOutputFormat(parsed.values.format), refs: parsed.positionals };
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { format, refs } = parseRefArgs(args);
  const described = refs.map(describeReference);
  if (format === 'json') {
    io.stdout(
      `${JSON.stringify(
        described.map((d) => d.row),
        null,
        2,
      )}\n`,
    );
  } else {
    const style = terminalStyle(io.isTty, io.env);
    io.stdout(described.map((d) => textBlock(d, style)).join('\n'));
  }
  return described.some((d) => d.row.error !== null) ? EXIT.findings : EXIT.ok;
}

export const refCommand: Command = {
  name: 'ref',
  summary: 'show how Docker normalizes image references',
  usage,
  run,
};
