import type { Resolution } from '../registry/client-types';
import { failureText } from '../policy/failure-text';
import type { Finding } from './finding';

/** Markdown text of a hover, escaped where a registry or a file could inject markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>~-]/g, '\\$&');
}

/** Text from a file shown literally: a code span cannot hold a backtick, so none is let in to close it. */
export function codeSpan(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

export function resolvedLines(resolution: Resolution): string[] {
  const lines = [`Digest: \`${resolution.digest}\``];
  if (resolution.platforms.length > 0) {
    lines.push('', '| platform | digest |', '| --- | --- |');
    for (const p of resolution.platforms) {
      const platform = [p.os, p.architecture, p.variant].filter(Boolean).join('/');
      lines.push(`| ${escapeMarkdown(platform)} | \`${p.digest}\` |`);
    }
  }
  const limit = resolution.rateLimit;
  if (limit) {
    const window = limit.windowSeconds ? ` per ${Math.round(limit.windowSeconds / 3600)} h` : '';
    lines.push('', `Rate limit: ${limit.remaining} of ${limit.limit} pulls left${window}`);
  }
  return lines;
}

export function failedLines(code: string, message: string): string[] {
  return [`Not resolved: ${failureText(code).summary} (\`${code}\`)`, '', escapeMarkdown(message)];
}

export function findingLines(findings: readonly Finding[]): string[] {
  return findings.map((finding) => `- **${finding.severity}** \`${finding.code}\`: ${escapeMarkdown(finding.message)}`);
}
