import { daysLeft, expiresWithin, expiryTime, isoDate } from './expiry';
import { certificateEvidence, type CertificateEvidence } from './root-certificates';
import type { TrustedRepo } from './update-trust';

/** A date the publisher must act on before it passes. */
export interface ExpiryWarning {
  code: 'TUF_EXPIRES_SOON' | 'TUF_CERT_EXPIRES_SOON';
  role: string;
  date: string;
  daysLeft: number;
  message: string;
}

/** Expiry of every verified role (ISO dates), the timestamp included: it shows the server is alive. */
export function roleExpiries(repo: TrustedRepo): Record<string, string> {
  const files = [
    repo.root,
    repo.targets,
    ...repo.delegations.verified.map((d) => d.file),
    repo.snapshot,
    repo.timestamp,
  ];
  return Object.fromEntries(files.map((file) => [file.role, isoDate(file.signed.expires)]));
}

/** The certificate keys of root and of every delegation, with their notAfter. */
export function certificates(repo: TrustedRepo): CertificateEvidence[] {
  const { keys, roles } = repo.root.signed;
  const delegated = [repo.targets, ...repo.delegations.verified.map((d) => d.file)].flatMap((parent) =>
    parent.signed.delegations.roles.map((role) =>
      certificateEvidence(role.name, role.keyids, parent.signed.delegations.keys),
    ),
  );
  return [certificateEvidence('root', roles.root.keyids, keys), ...delegated].flat();
}

/**
 * "Expires soon" within the window for what the publisher must re-sign: root, targets, delegations, snapshot,
 * and certificate notAfter. The timestamp is renewed by the server every time, so it is never warned about.
 */
export function expiryWarnings(repo: TrustedRepo, referenceTime: number, windowDays: number): ExpiryWarning[] {
  const roles = Object.entries(roleExpiries(repo)).filter(([role]) => role !== 'timestamp');
  const roleWarnings = roles.flatMap(([role, date]): ExpiryWarning[] => {
    const time = expiryTime(date);
    if (!expiresWithin(time, referenceTime, windowDays)) return [];
    const left = daysLeft(time, referenceTime);
    const message = `The ${role} trust data expires on ${date} (in ${left} days): re-sign it before then.`;
    return [{ code: 'TUF_EXPIRES_SOON', role, date, daysLeft: left, message }];
  });
  const certWarnings = certificates(repo).flatMap((cert): ExpiryWarning[] => {
    const time = expiryTime(cert.notAfter);
    if (!expiresWithin(time, referenceTime, windowDays)) return [];
    const left = daysLeft(time, referenceTime);
    const message = `The ${cert.role} certificate ${cert.keyId.slice(0, 12)} expires on ${cert.notAfter} (in ${left} days): rotate the key.`;
    return [{ code: 'TUF_CERT_EXPIRES_SOON', role: cert.role, date: cert.notAfter, daysLeft: left, message }];
  });
  return [...roleWarnings, ...certWarnings];
}

interface RepoEvidence {
  expires: Record<string, string>;
  certificates: CertificateEvidence[];
  warnings: ExpiryWarning[];
}

const repoEvidence = new WeakMap<TrustedRepo, RepoEvidence>();

/** The evidence of one update, the same for every tag (certificate parsing is the costly part). */
export function evidenceOf(repo: TrustedRepo, referenceTime: number, windowDays: number): RepoEvidence {
  let evidence = repoEvidence.get(repo);
  if (evidence === undefined) {
    const warnings = expiryWarnings(repo, referenceTime, windowDays);
    evidence = { expires: roleExpiries(repo), certificates: certificates(repo), warnings };
    repoEvidence.set(repo, evidence);
  }
  return evidence;
}
