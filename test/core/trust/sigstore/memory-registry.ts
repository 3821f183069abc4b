import type { ReferrersAnswer, SignatureSource } from '../../../../src/core/trust/sigstore';
import { sha256 } from './peer-fixtures';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

/** An in-memory registry for unit tests: manifests and blobs by digest, referrers listed by subject. */
export class MemoryRegistry {
  readonly manifests = new Map<string, Uint8Array>();
  readonly blobs = new Map<string, Uint8Array>();
  readonly referrers = new Map<string, object[]>();
  /** How the referrers are served: by the API, the fallback tag, or an error thrown by the API. */
  via: ReferrersAnswer['via'] | Error = 'api';

  /** Stores an image manifest and returns its digest. */
  image(name: string): string {
    const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, name }));
    this.manifests.set(sha256(bytes), bytes);
    return sha256(bytes);
  }

  /** Stores a blob and returns its digest. */
  blob(bytes: Uint8Array): string {
    this.blobs.set(sha256(bytes), bytes);
    return sha256(bytes);
  }

  /** Attaches `blob` to `subject` as a referrer of `artifactType` (its one layer), with `annotations`. */
  attach(subject: string, artifactType: string, blob: Uint8Array, annotations: Record<string, string> = {}) {
    const layer = { mediaType: artifactType, digest: this.blob(blob), size: blob.length };
    const manifest = { schemaVersion: 2, mediaType: OCI_MANIFEST, artifactType, layers: [layer] };
    this.attachManifest(subject, artifactType, Buffer.from(JSON.stringify(manifest)), annotations);
  }

  /** Attaches a whole referrer manifest to `subject`. */
  attachManifest(
    subject: string,
    artifactType: string,
    manifest: Uint8Array,
    annotations: Record<string, string> = {},
  ) {
    this.manifests.set(sha256(manifest), manifest);
    const entry = {
      mediaType: OCI_MANIFEST,
      digest: sha256(manifest),
      size: manifest.length,
      artifactType,
      annotations,
    };
    this.referrers.set(subject, [...(this.referrers.get(subject) ?? []), entry]);
  }

  get source(): SignatureSource {
    return {
      fetchSignatureManifest: async () => undefined,
      fetchPayload: async (layer) => this.blobs.get(layer.digest) ?? new Uint8Array(),
      fetchReferrers: async (digest) => {
        if (this.via instanceof Error) throw this.via;
        const manifests = this.referrers.get(digest);
        return manifests === undefined
          ? undefined
          : { via: this.via, bytes: Buffer.from(JSON.stringify({ manifests })) };
      },
      fetchManifest: async (digest) => {
        const bytes = this.manifests.get(digest);
        if (bytes === undefined) throw new Error(`no manifest ${digest}`);
        return bytes;
      },
    };
  }
}
