/** A referrers index and where it came from: the OCI 1.1 API, or the `sha256-<hex>` tag-schema fallback. */
export interface ReferrersAnswer {
  via: 'api' | 'tag';
  bytes: Uint8Array;
}

/** Where signatures come from: the registry in production, fixture files in unit tests. */
export interface SignatureSource {
  /** The verified bytes of the `sha256-<hex>.sig` manifest of `digest`; `undefined` when there is no such tag. */
  fetchSignatureManifest(digest: string, signal?: AbortSignal): Promise<Uint8Array | undefined>;
  /** A small blob (a payload, a bundle), verified against its digest. */
  fetchPayload(layer: { digest: string; size: number }, signal?: AbortSignal): Promise<Uint8Array>;
  /**
   * The referrers of `digest`: the API's index, else (no API) the `sha256-<hex>` tag's index, else `undefined`.
   * A failing API is thrown, never "no referrers".
   */
  fetchReferrers(digest: string, signal?: AbortSignal): Promise<ReferrersAnswer | undefined>;
  /** A manifest by digest (a referrer, an attestation manifest, the image itself), verified against it. */
  fetchManifest(digest: string, signal?: AbortSignal): Promise<Uint8Array>;
}
