/** Every limit of cosign verification lives here, nowhere else (DESIGN.md "Layout"). */
export const COSIGN_DEFAULTS = {
  /**
   * A simple-signing payload is a few hundred bytes; `optional` annotations make it larger, never near this.
   * Checked against the layer descriptor before fetching, and against the bytes after.
   */
  maxPayloadBytes: 128 * 1024,
  /** Signature layers read from one `.sig` manifest; cosign appends one per `cosign sign`. */
  maxSignatures: 64,
  /**
   * A Sigstore bundle holds a certificate chain, a Rekor entry with its inclusion proof and a DSSE envelope:
   * a few KiB. Checked against the descriptor before fetching, and against the bytes after.
   */
  maxBundleBytes: 256 * 1024,
  /** Referrers read for one digest (signatures, attestations, SBOMs); more is refused, not truncated. */
  maxReferrers: 128,
  /** Attestation manifests read from one BuildKit index (one per platform). */
  maxAttestationManifests: 64,
} as const;

export type CosignOptions = { -readonly [K in keyof typeof COSIGN_DEFAULTS]: number };

export function resolveCosignOptions(options: Partial<CosignOptions> = {}): CosignOptions {
  return { ...COSIGN_DEFAULTS, ...options };
}
