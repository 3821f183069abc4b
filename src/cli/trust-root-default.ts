import { homedir } from 'node:os';
import type { TrustedRoot } from '@sigstore/protobuf-specs';
import { loadPreferredTrustedRoot, sigstoreCacheDir } from '../node/sigstore-root-cache';
import type { CliIo } from './cli-io';

/**
 * The trusted root verify and check use without --trusted-root: the one `trust-root update` stored, else the
 * shipped one; a cached root that cannot be used is named on stderr before falling back.
 */
export function defaultTrustedRoot(io: CliIo): TrustedRoot {
  const preferred = loadPreferredTrustedRoot(sigstoreCacheDir(io.env, io.env.HOME ?? homedir()));
  if (preferred.warning) io.stderr(`image-trust: ${preferred.warning.code}: ${preferred.warning.message}\n`);
  return preferred.root;
}
