import { UsageError } from './cli-io';

export type OutputFormat = 'text' | 'json';

export function parseOutputFormat(
  value: string | undefined,
  allowed: readonly string[] = ['text', 'json'],
): OutputFormat {
  const format = value ?? 'text';
  if (!allowed.includes(format)) throw new UsageError(`--format must be one of ${allowed.join(', ')}, not '${format}'`);
  return format as OutputFormat;
}
