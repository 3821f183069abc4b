import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { Updater } from 'tuf-js';
import { parseTrustedRoot } from '../core/trust/sigstore';
import { TrustRootError, toTrustRootUpdateError } from '../core/trust/sigstore/root-update-error';
import type { Transport } from '../core/registry/ports';
import { cachedRootPath, tufMetadataDir } from './sigstore-root-cache';
import { TransportFetcher } from './sigstore-root-fetcher';

const TARGET = 'trusted_root.json';

export interface TrustRootUpdateOptions {
  cacheDir: string;
  mirror: string;
  /** The TUF root.json that seeds the client when the cache holds none for this mirror yet. */
  initialRoot: Uint8Array;
  /** Every download goes through it (see TransportFetcher). */
  transport: Transport;
  signal?: AbortSignal;
}

export interface TrustRootUpdate {
  path: string;
  mirror: string;
  /** Versions of the TUF metadata the update ended with. */
  rootVersion: number;
  targetsVersion: number;
  sha256: string;
}

/**
 * Runs the TUF client workflow against `mirror` and stores its verified `trusted_root.json` target. tuf-js writes
 * its metadata file by file as it goes, so it runs in a staging copy of the cache: a failure at any step leaves the
 * cached metadata and trusted root exactly as they were; success moves each file into place by rename.
 */
export async function updateSigstoreTrustedRoot(options: TrustRootUpdateOptions): Promise<TrustRootUpdate> {
  const metadataDir = tufMetadataDir(options.cacheDir, options.mirror);
  mkdirSync(metadataDir, { recursive: true });
  const staging = mkdtempSync(join(options.cacheDir, '.update-'));
  try {
    const seeded = seedStaging(staging, metadataDir, options.initialRoot);
    const update = await fetchTarget(newUpdater(staging, options, seeded), staging, options);
    for (const name of readdirSync(staging).filter((file) => file !== TARGET))
      renameSync(join(staging, name), join(metadataDir, name));
    renameSync(join(staging, TARGET), cachedRootPath(options.cacheDir));
    return update;
  } catch (error) {
    throw toTrustRootUpdateError(error, options.mirror);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Copies the cached metadata of the mirror; says where the TUF root the client starts from came from. */
function seedStaging(staging: string, metadataDir: string, initialRoot: Uint8Array): string {
  const cached = readdirSync(metadataDir).filter((name) => name.endsWith('.json'));
  for (const name of cached) copyFileSync(join(metadataDir, name), join(staging, name));
  if (existsSync(join(staging, 'root.json'))) return join(metadataDir, 'root.json');
  writeFileSync(join(staging, 'root.json'), initialRoot);
  return 'the initial TUF root (--tuf-root, else the one shipped)';
}

async function fetchTarget(
  updater: Updater,
  staging: string,
  options: TrustRootUpdateOptions,
): Promise<TrustRootUpdate> {
  await updater.refresh();
  const info = await updater.getTargetInfo(TARGET);
  if (info === undefined) {
    const message = `The TUF repository ${options.mirror} has no ${TARGET} target.`;
    throw new TrustRootError('TRUST_ROOT_TARGET_MISSING', message, { source: options.mirror });
  }
  const path = join(staging, TARGET);
  await updater.downloadTarget(info, path);
  try {
    parseTrustedRoot(readFileSync(path, 'utf8'), `${options.mirror} ${TARGET}`);
  } catch (error) {
    const message = `The ${TARGET} signed by ${options.mirror} is not a usable Sigstore trusted root.`;
    throw new TrustRootError('TRUST_ROOT_INVALID', message, { source: options.mirror }, error);
  }
  return {
    path: cachedRootPath(options.cacheDir),
    mirror: options.mirror,
    rootVersion: versionOf(staging, 'root'),
    targetsVersion: versionOf(staging, 'targets'),
    sha256: info.hashes.sha256 ?? '',
  };
}

// tuf-js parses the starting root in its constructor: a broken one is named here rather than as a network failure.
function newUpdater(staging: string, options: TrustRootUpdateOptions, rootSource: string): Updater {
  const base = options.mirror.replace(/\/+$/, '');
  try {
    return new Updater({
      metadataDir: staging,
      metadataBaseUrl: base,
      targetBaseUrl: `${base}/targets`,
      fetcher: new TransportFetcher(options.transport, options.signal),
    });
  } catch (error) {
    const message = `${rootSource} is not a usable TUF root.json; delete it to start again from the shipped root, or give --tuf-root.`;
    throw new TrustRootError('TRUST_ROOT_INVALID', message, { source: options.mirror }, error);
  }
}

// The metadata files were just verified by the updater; their version is read back for the report.
function versionOf(dir: string, role: string): number {
  const doc = JSON.parse(readFileSync(join(dir, `${role}.json`), 'utf8')) as { signed?: { version?: unknown } };
  return typeof doc.signed?.version === 'number' ? doc.signed.version : 0;
}
