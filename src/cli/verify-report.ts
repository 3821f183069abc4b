import type { AttestationEvidence, CosignSignature } from '../core/trust/sigstore';
import type { VerifyRow } from './verify-command';

function dctLines(row: VerifyRow): string[] {
  const dct = row.dct;
  if (dct === null) return [];
  const lines: string[] = [];
  if (dct.retirement) return [`  dct        not checked: ${dct.retirement.message} [${dct.retirement.code}]`];
  lines.push(
    `  dct        ${dct.signed ? `signed by ${dct.signers.join(', ')}` : 'NOT signed'}${dct.server ? ` (${dct.server})` : ''}`,
  );
  for (const [role, date] of Object.entries(dct.expires)) lines.push(`  expires    ${role.padEnd(18)} ${date}`);
  for (const cert of dct.certificates)
    lines.push(`  cert       ${cert.role.padEnd(18)} ${cert.notAfter} (${cert.keyId.slice(0, 12)})`);
  for (const warning of dct.warnings) lines.push(`  warning    ${warning.message} [${warning.code}]`);
  for (const failure of dct.failures) lines.push(`  error      ${failure.message} [${failure.code}]`);
  return lines;
}

function signerText(s: CosignSignature): string {
  const who = s.identity === undefined ? `key ${s.keyId.slice(0, 12)}` : `${s.identity} from ${s.issuer ?? '?'}`;
  const how = [s.source === 'referrer' ? 'bundle referrer' : undefined, s.tlogEntries ? 'in Rekor' : undefined];
  return [who, ...how.filter((h) => h !== undefined)].join(', ');
}

function attestationText(a: AttestationEvidence): string {
  const what = `${a.source}: ${a.predicateType ?? a.artifactType ?? a.digest}`;
  const by = a.signedBy && (a.signedBy.identity ?? `key ${a.signedBy.keyId.slice(0, 12)}`);
  return by === undefined ? what : `${what}, signed by ${by}`;
}

function cosignLines(row: VerifyRow): string[] {
  const cosign = row.cosign;
  if (cosign === null) return [];
  const head = cosign.verified ? 'verified' : cosign.signed ? 'NOT verified' : 'NOT signed';
  const lines = [`  cosign     ${head}${cosign.signedLevels ? ` (signed levels: ${cosign.signedLevels})` : ''}`];
  for (const s of cosign.signatures)
    lines.push(`  signature  ${s.level.padEnd(18)} ${s.platform ?? s.digest} (${signerText(s)})`);
  for (const a of cosign.attestations ?? [])
    lines.push(`  attests    ${a.kind.padEnd(18)} ${a.platform ?? a.subject} (${attestationText(a)})`);
  for (const warning of cosign.warnings) lines.push(`  warning    ${warning.message} [${warning.code}]`);
  for (const failure of cosign.failures) lines.push(`  error      ${failure.message} [${failure.code}]`);
  return lines;
}

/** The text form of one row: the reference, its digest, then the trust evidence line by line. */
export function verifyText(row: VerifyRow): string {
  if (row.error !== null) {
    return `${row.input}\n  error: ${row.error.message}${row.error.code ? ` [${row.error.code}]` : ''}\n`;
  }
  return (
    [`${row.reference ?? row.input}`, `  digest     ${row.digest}`, ...dctLines(row), ...cosignLines(row)].join('\n') +
    '\n'
  );
}
