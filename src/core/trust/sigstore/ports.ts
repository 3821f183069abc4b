/** Where signatures come from: the registry in production, fixture files in unit tests. */
export interface SignatureSource {
  /** The verified bytes of the `sha256-<hex>.sig` manifest of `digest`; `undefined` when there is no such tag. */
  fetchSignatureManifest(digest: string, signal?: AbortSignal): Promise<Uint8Array | undefined>;
  /** The payload blob, verified against its digest. */
  fetchPayload(layer: { digest: string; size: number }, signal?: AbortSignal): Promise<Uint8Array>;
}
