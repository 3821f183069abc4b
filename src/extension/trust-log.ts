import type { Resolution } from '../core/registry/client-types';
import type { LogEvent } from '../core/registry/ports';
import type { DctResult } from '../core/trust/notary';
import type { CosignEvidence } from '../core/trust/sigstore';

/** One line per cosign verification in the output channel: what was checked and the verdict's codes. */
export function cosignLogEvent(resolution: Resolution, evidence: CosignEvidence): LogEvent {
  const { domain, path } = resolution.reference;
  const verdict = evidence.verified ? `verified (${evidence.signatures.length} signature(s))` : 'not verified';
  const codes = evidence.codes.length > 0 ? ` ${evidence.codes.join(', ')}` : '';
  return { level: 'info', message: `cosign ${domain}/${path}@${resolution.digest}: ${verdict}${codes}` };
}

/** One line per Docker Content Trust verification: the signers, or the codes that say why not. */
export function dctLogEvent(resolution: Resolution, result: DctResult): LogEvent {
  const { domain, path } = resolution.reference;
  const verdict = result.signed ? `signed by ${result.signers.join(', ')}` : 'not signed';
  const codes = result.codes.length > 0 ? ` ${result.codes.join(', ')}` : '';
  return { level: 'info', message: `dct ${domain}/${path}@${resolution.digest}: ${verdict}${codes}` };
}
