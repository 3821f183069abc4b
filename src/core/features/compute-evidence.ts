import type { EvidenceState } from './evidence-store';
import type { TrustLookups } from './reference-trust';
import { codeSpan } from './hover-markdown';

/** A section's state in words, then what was found, as JSON (the same shape `image-trust verify --format json` prints). */
function evidenceSection<T>(title: string, state: EvidenceState<T> | undefined, absent: string): string[] {
  const lines = [`## ${title}`, ''];
  if (state === undefined) return [...lines, absent, ''];
  if (state.kind === 'pending') return [...lines, 'Being verified…', ''];
  return [...lines, '```json', JSON.stringify(state.result, null, 2), '```', ''];
}

/**
 * The evidence for one tag as a read-only Markdown document: what it resolved to (digest, media type, each
 * platform's manifest) and the Docker Content Trust and cosign evidence of that digest, in full.
 */
export function computeEvidence(key: string, lookups: TrustLookups): string {
  const lines = [`# Evidence for ${codeSpan(key)}`, ''];
  const state = lookups.resolution(key);
  if (state?.kind !== 'resolved') {
    const why =
      state?.kind === 'failed' ? `Not resolved: ${state.message} (${codeSpan(state.code)})` : 'Not resolved yet.';
    return [...lines, why, ''].join('\n');
  }
  const { resolution } = state;
  lines.push('## Resolution', '', `Resolved at ${new Date(state.at).toISOString()}.`, '');
  lines.push(`- Digest: ${codeSpan(resolution.digest)}`, `- Media type: ${codeSpan(resolution.mediaType)}`);
  lines.push(`- Size: ${resolution.size} bytes`, '');
  if (resolution.platforms.length > 0) {
    lines.push('| platform | digest |', '| --- | --- |');
    for (const p of resolution.platforms) {
      const platform = [p.os, p.architecture, p.variant].filter(Boolean).join('/');
      lines.push(`| ${codeSpan(platform)} | ${codeSpan(p.digest)} |`);
    }
    lines.push('');
  }
  const noNotary = 'Not checked: no notary server is configured for this registry (`imageTrust.notaryServers`).';
  const noKeys = 'Not checked: no cosign key is configured (`imageTrust.cosign.keys`).';
  lines.push(...evidenceSection('Docker Content Trust', lookups.dct(resolution), noNotary));
  lines.push(...evidenceSection('cosign', lookups.cosign(resolution), noKeys));
  return lines.join('\n');
}
