import {
  attestationPredicates,
  buildkitEntries,
  classifyAttestation,
  type AttestationEvidence,
  type BuildkitEntry,
} from './attestations';
import { CosignError } from './cosign-error';
import type { CosignOptions } from './defaults';
import type { SignatureSource } from './ports';

function parseJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new CosignError('COSIGN_MALFORMED_SIGNATURE', `The ${what} is not JSON.`, { cause: error });
  }
}

/** The attestation manifests an index lists: not platforms, so not signature levels. */
export async function listBuildkitAttestations(
  indexDigest: string,
  source: SignatureSource,
  options: CosignOptions,
  signal?: AbortSignal,
): Promise<BuildkitEntry[]> {
  const entries = buildkitEntries(parseJson(await source.fetchManifest(indexDigest, signal), 'image index'));
  if (entries.length > options.maxAttestationManifests) {
    const message = `The index ${indexDigest} lists ${entries.length} attestation manifests, more than ${options.maxAttestationManifests}.`;
    throw new CosignError('COSIGN_MALFORMED_SIGNATURE', message);
  }
  return entries;
}

/**
 * Reads BuildKit attestation manifests (`vnd.docker.reference.type: attestation-manifest`, one per platform, their
 * layers annotated with `in-toto.io/predicate-type`): SLSA provenance, SPDX SBOMs, ….  `platformOf` names the
 * platform manifest each one is about.
 */
export async function readBuildkitAttestations(
  entries: readonly BuildkitEntry[],
  platformOf: (digest: string) => string | undefined,
  source: SignatureSource,
  signal?: AbortSignal,
): Promise<AttestationEvidence[]> {
  const found = await Promise.all(
    entries.map(async (entry) => {
      const manifest = parseJson(await source.fetchManifest(entry.digest, signal), 'attestation manifest');
      const platform = platformOf(entry.subject);
      return attestationPredicates(manifest).map((predicateType): AttestationEvidence => ({
        kind: classifyAttestation(predicateType) ?? 'other',
        level: 'platform',
        subject: entry.subject,
        ...(platform === undefined ? {} : { platform }),
        digest: entry.digest,
        source: 'buildkit',
        predicateType,
      }));
    }),
  );
  return found.flat();
}
