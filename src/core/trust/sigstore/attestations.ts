import type { SignatureLevel } from './verify-level';

/** What an attestation attached to an image says: how it was built, what it contains, or something else. */
export type AttestationKind = 'provenance' | 'sbom' | 'vex' | 'other';

/** One attestation found for an image: where it hangs and how it was found. */
export interface AttestationEvidence {
  kind: AttestationKind;
  /** The level of the image it is about (an index, a single manifest, or a platform manifest of the index). */
  level: SignatureLevel;
  /** The digest of the image manifest it is about. */
  subject: string;
  platform?: string;
  /** The attestation manifest (BuildKit) or referrer artifact. */
  digest: string;
  /** BuildKit attestation manifests inside the index, or OCI 1.1 referrers. */
  source: 'buildkit' | 'referrers';
  predicateType?: string;
  artifactType?: string;
  /** A Sigstore attestation bundle that verified with a key or identity given, its statement naming the image. */
  signedBy?: AttestationSigner;
}

/** Who signed an attestation: a key given (by its ID), or a keyless identity. */
export interface AttestationSigner {
  keyId: string;
  identity?: string;
  issuer?: string;
}

const KINDS: readonly [RegExp, AttestationKind][] = [
  [/slsa\.dev\/provenance|provenance/i, 'provenance'],
  [/spdx|cyclonedx|syft|sbom/i, 'sbom'],
  [/openvex|vex/i, 'vex'],
];

/**
 * The kind of an attestation from its in-toto predicate type (`https://slsa.dev/provenance/v1`,
 * `https://spdx.dev/Document`, …) or, without one, its artifact type (`application/spdx+json`, …); `undefined`
 * for artifacts that are not attestations at all.
 */
export function classifyAttestation(predicateType?: string, artifactType?: string): AttestationKind | undefined {
  const named = predicateType ?? artifactType;
  if (named === undefined) return undefined;
  const kind = KINDS.find(([pattern]) => pattern.test(named))?.[1];
  if (kind !== undefined) return kind;
  return predicateType !== undefined || /in-toto|attestation/i.test(named) ? 'other' : undefined;
}

/** A BuildKit attestation manifest listed in an index, and the platform manifest it is about. */
export interface BuildkitEntry {
  digest: string;
  subject: string;
}

/** The `vnd.docker.reference.type: attestation-manifest` entries of an index document. */
export function buildkitEntries(index: unknown): BuildkitEntry[] {
  const manifests = (index as { manifests?: unknown } | null)?.manifests;
  if (!Array.isArray(manifests)) return [];
  return manifests.flatMap((entry: unknown) => {
    const { digest, annotations } = (entry ?? {}) as { digest?: unknown; annotations?: Record<string, unknown> };
    const subject = annotations?.['vnd.docker.reference.digest'];
    const isAttestation = annotations?.['vnd.docker.reference.type'] === 'attestation-manifest';
    return isAttestation && typeof digest === 'string' && typeof subject === 'string' ? [{ digest, subject }] : [];
  });
}

/** The in-toto predicate types of a BuildKit attestation manifest's layers (`in-toto.io/predicate-type`). */
export function attestationPredicates(manifest: unknown): string[] {
  const layers = (manifest as { layers?: unknown } | null)?.layers;
  if (!Array.isArray(layers)) return [];
  return layers.flatMap((layer: unknown) => {
    const type = (layer as { annotations?: Record<string, unknown> } | null)?.annotations?.[
      'in-toto.io/predicate-type'
    ];
    return typeof type === 'string' ? [type] : [];
  });
}
