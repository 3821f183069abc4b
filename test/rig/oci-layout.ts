import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** An OCI content descriptor. */
export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: Platform;
  annotations?: Record<string, string>;
}

export interface Platform {
  architecture: string;
  os: string;
  variant?: string;
}

export function sha256Digest(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** Writes blobs and `index.json` of an OCI image layout (image-spec `image-layout.md`) into `dir`. */
export class OciLayoutWriter {
  private readonly refs: Descriptor[] = [];

  constructor(readonly dir: string) {}

  async init(): Promise<void> {
    await mkdir(join(this.dir, 'blobs', 'sha256'), { recursive: true });
    await writeFile(join(this.dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  }

  /** Stores `bytes` under their digest and returns their descriptor. */
  async addBlob(mediaType: string, bytes: Buffer): Promise<Descriptor> {
    const digest = sha256Digest(bytes);
    await writeFile(join(this.dir, 'blobs', 'sha256', digest.slice('sha256:'.length)), bytes);
    return { mediaType, digest, size: bytes.length };
  }

  /** Stores a JSON document compactly, with no trailing newline, so its digest is that of JSON.stringify. */
  addJson(mediaType: string, document: unknown): Promise<Descriptor> {
    return this.addBlob(mediaType, Buffer.from(JSON.stringify(document)));
  }

  /** Names a manifest or index so `oci:DIR:name` finds it. */
  tag(name: string, descriptor: Descriptor): void {
    const { platform: _platform, ...plain } = descriptor;
    this.refs.push({ ...plain, annotations: { 'org.opencontainers.image.ref.name': name } });
  }

  async writeIndex(): Promise<void> {
    const index = { schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: this.refs };
    await writeFile(join(this.dir, 'index.json'), JSON.stringify(index));
  }
}
