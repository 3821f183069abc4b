import type { Resolution } from '../registry/client-types';
import { cosignHoverLines } from './cosign-hover';
import { dctHoverLines } from './dct-hover';
import type { EvidenceState } from './evidence-store';
import { codeSpan } from './hover-markdown';
import type { TrustLookups } from './reference-trust';
import { usedResolutionFor, type PinnedReference } from './used-resolution';

interface Check<T> {
  name: string;
  state: EvidenceState<T> | undefined;
  /** Why it did not run, said when it did not. */
  absent: string;
  /** Its verdict in one line, from the hover's first line. */
  verdict: (result: T) => string;
}

function summaryLine<T>({ name, state, absent, verdict }: Check<T>): string {
  if (state === undefined) return `- ${name}: not checked (${absent})`;
  return state.kind === 'pending' ? `- ${name}: being verified…` : `- ${verdict(state.result)}`;
}

/** A check's full evidence as JSON: the same shape `image-trust verify --format json` prints. */
function section<T>({ name, state }: Check<T>): string[] {
  if (state?.kind !== 'verified') return [];
  return [`## ${name}`, '', '```json', JSON.stringify(state.result, null, 2), '```', ''];
}

function resolutionLines(resolution: Resolution, at: number): string[] {
  const lines = ['## Resolution', '', `Resolved at ${new Date(at).toISOString()}.`, ''];
  lines.push(`- Media type: ${codeSpan(resolution.mediaType)}`, `- Size: ${resolution.size} bytes`, '');
  if (resolution.platforms.length === 0) return lines;
  lines.push('| platform | digest |', '| --- | --- |');
  for (const p of resolution.platforms) {
    const platform = [p.os, p.architecture, p.variant].filter(Boolean).join('/');
    lines.push(`| ${codeSpan(platform)} | ${codeSpan(p.digest)} |`);
  }
  return [...lines, ''];
}

/** What the user has no evidence for yet: the digest the build uses is not known. */
function usedLine(used: Resolution | undefined, pin: string | undefined, tagDigest: string): string {
  if (used === undefined) return `- Digest used: ${codeSpan(pin ?? tagDigest)} (being resolved…)`;
  const why = pin === undefined ? "the tag's" : used.digest === tagDigest ? 'the pin, current' : 'the pin';
  return `- Digest used: ${codeSpan(used.digest)} (${why})`;
}

/**
 * The evidence for one reference as a read-only Markdown document: a summary first (the digest a build uses and
 * each check's verdict on it), then what the tag resolved to (media type, each platform's manifest) and each
 * check's full evidence. `pin` is the digest written beside the tag, if any.
 */
export function computeEvidence(key: string, pin: PinnedReference | undefined, lookups: TrustLookups): string {
  const lines = [`# Evidence for ${codeSpan(pin ? `${key}@${pin.digest}` : key)}`, ''];
  const state = lookups.resolution(key);
  if (state?.kind !== 'resolved') {
    const why =
      state?.kind === 'failed' ? `Not resolved: ${state.message} (${codeSpan(state.code)})` : 'Not resolved yet.';
    return [...lines, why, ''].join('\n');
  }
  const { resolution } = state;
  const used = usedResolutionFor(key, pin, lookups.resolution);
  const dct: Check<Parameters<typeof dctHoverLines>[0]> = {
    name: 'Docker Content Trust',
    state: used && lookups.dct(used),
    absent: 'no notary server is configured for this registry in `imageTrust.notaryServers`',
    verdict: (result) => dctHoverLines(result)[0] ?? '',
  };
  const cosign: Check<Parameters<typeof cosignHoverLines>[0]> = {
    name: 'cosign',
    state: used && lookups.cosign(used),
    absent: 'no key or identity applies: `imageTrust.cosign.keys`, `imageTrust.cosign.identities` or the policy',
    verdict: (result) => cosignHoverLines(result)[0] ?? '',
  };
  lines.push(`- Digest of the tag: ${codeSpan(resolution.digest)}`, usedLine(used, pin?.digest, resolution.digest));
  lines.push(summaryLine(dct), summaryLine(cosign), '');
  return [...lines, ...resolutionLines(resolution, state.at), ...section(dct), ...section(cosign)].join('\n');
}
