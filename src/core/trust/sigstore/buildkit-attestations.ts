import { attestationPredicates, buildkitEntries, classifyAttestation, type AttestationEvidence } from './attestations';
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

export interface BuildkitFindings {
  /** Digests of the index's attestation manifests: not platforms, so not signature levels. */
  manifests: Set<string>;
  attestations: AttestationEvidence[];
}

/**
 * Reads the BuildKit attestation manifests of an index (`vnd.docker.reference.type: attestation-manifest`, one
 * per platform, their layers annotated with `in-toto.io/predicate-type`): SLSA provenance, SPDX SBOMs, ….
 * `platformOf` names the platform manifest each one is about.
 */
export async function findBuildkitAttestations(
  index: { digest: string; platformOf: (digest: string) => string | undefined },
  source: SignatureSource,
  options: CosignOptions,
  signal?: AbortSignal,
): Promise<BuildkitFindings> {
  const entries = buildkitEntries(parseJson(await source.fetchManifest(index.digest, signal), 'image index'));
  if (entries.length > options.maxAttestationManifests) {
    const message = `The index ${index.digest} lists ${entries.length} attestation manifests, more than ${options.maxAttestationManifests}.`;
    throw new CosignError('COSIGN_MALFORMED_SIGNATURE', message);
  }
  const found = await Promise.all(
    entries.map(async (entry) => {
      const manifest = parseJson(await source.fetchManifest(entry.digest, signal), 'attestation manifest');
      const platform = index.platformOf(entry.subject);
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
  return { manifests: new Set(entries.map((e) => e.digest)), attestations: found.flat() };
}
