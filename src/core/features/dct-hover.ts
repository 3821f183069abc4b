import type { ImageRef } from '../scan/image-ref';
import type { DctResult } from '../trust/notary';
import type { DctLookup } from './dct-store';
import { evidenceOf } from './evidence-of';
import { codeSpan } from './hover-markdown';
import type { ResolutionLookup } from './resolution-state';

/** Role order a reader expects: the root of trust first, the timestamp (renewed by the server) last. */
const ROLE_ORDER = ['root', 'targets', 'snapshot', 'timestamp'];

function roleRank(role: string): number {
  const index = ROLE_ORDER.indexOf(role.startsWith('targets/') ? 'targets' : role);
  return index === -1 ? ROLE_ORDER.length : index;
}

/** Hover lines for Docker Content Trust: signed or not and by whom, every role's expiry, certificate notAfter. */
export function dctHoverLines(result: DctResult): string[] {
  if (result.retirement) return [`Docker Content Trust: retired on this registry (${result.retirement.shutdown}).`];
  const signers = result.signers.map(codeSpan).join(', ');
  const lines = [result.signed ? `Docker Content Trust: signed by ${signers}` : 'Docker Content Trust: not signed'];
  const roles = Object.entries(result.expires).sort(([a], [b]) => roleRank(a) - roleRank(b) || a.localeCompare(b));
  if (roles.length > 0) {
    lines.push('', '| role | expires |', '| --- | --- |');
    for (const [role, date] of roles) lines.push(`| ${codeSpan(role)} | ${codeSpan(date)} |`);
  }
  for (const cert of result.certificates) {
    lines.push(
      '',
      `Certificate ${codeSpan(cert.role)} ${codeSpan(cert.keyId.slice(0, 12))} valid until ${codeSpan(cert.notAfter)}`,
    );
  }
  return lines;
}

/** The DCT lines of one reference's hover, for the digest it uses; nothing for registries DCT is not asked for. */
export function dctTrustHoverLines(ref: ImageRef, lookup: ResolutionLookup, dct: DctLookup): string[] {
  const state = evidenceOf(ref, lookup, dct);
  if (state?.kind === 'pending') return ['$(sync~spin) Verifying Docker Content Trust…'];
  return state?.kind === 'verified' ? dctHoverLines(state.result) : [];
}
