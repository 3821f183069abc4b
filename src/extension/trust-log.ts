import type { Resolution } from '../core/registry/client-types';
import type { LogEvent } from '../core/registry/ports';
import type { CosignEvidence } from '../core/trust/sigstore';

/** One line per cosign verification in the output channel: what was checked and the verdict's codes. */
export function cosignLogEvent(resolution: Resolution, evidence: CosignEvidence): LogEvent {
  const { domain, path } = resolution.reference;
  const verdict = evidence.verified ? `verified (${evidence.signatures.length} signature(s))` : 'not verified';
  const codes = evidence.codes.length > 0 ? ` ${evidence.codes.join(', ')}` : '';
  return { level: 'info', message: `cosign ${domain}/${path}@${resolution.digest}: ${verdict}${codes}` };
}
