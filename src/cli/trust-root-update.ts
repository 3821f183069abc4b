import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';
import { TrustRootError } from '../core/trust/sigstore/root-update-error';
import { sigstoreTufRoot } from '../core/trust/sigstore/tuf-root';
import { DEFAULT_TUF_MIRROR, sigstoreCacheDir } from '../node/sigstore-root-cache';
import { createHttpTransport } from '../node/http-transport';
import { updateSigstoreTrustedRoot, type TrustRootUpdate } from '../node/sigstore-root-update';
import { EXIT, UsageError, type CliIo } from './cli-io';
import { parseOutputFormat } from './output-format';
import { parseCommandArgs } from './scan-flags';

export const TRUST_ROOT_UPDATE_USAGE = `Usage: image-trust trust-root update [options]

Updates the Sigstore trusted root (trusted_root.json) that keyless cosign verification uses, from Sigstore's TUF
repository: the TUF client checks every metadata signature, version and expiry and the target's hashes, then the
verified file is stored in $XDG_CACHE_HOME/image-trust/sigstore (~/.cache without it) and verify, check and the
extension prefer it to the root shipped with the tool. A failure leaves the cached root as it was.

Options:
  --tuf-mirror URL      the TUF repository (default: ${DEFAULT_TUF_MIRROR})
  --tuf-root FILE       the TUF root.json to start from when the cache has none for this mirror
                        (default: the Sigstore TUF root shipped with the tool)
  --ca-file FILE        also trust this CA (PEM) for the mirror's TLS; repeatable
  --format text|json    output format (default: text)

Exit status: 0 when updated, 2 on a usage error, 3 when the repository cannot be reached or is refused
(TRUST_ROOT_UPDATE_FAILED, TRUST_ROOT_EXPIRED, TRUST_ROOT_ROLLBACK, TRUST_ROOT_BAD_SIGNATURE, ...).
`;

function initialRoot(file: string | undefined, cwd: string): Uint8Array {
  if (file === undefined) return sigstoreTufRoot();
  try {
    return readFileSync(resolve(cwd, file));
  } catch (error) {
    throw new UsageError(`cannot read --tuf-root ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function mirrorOf(value: string | undefined): string {
  const mirror = value ?? DEFAULT_TUF_MIRROR;
  const url = URL.canParse(mirror) ? new URL(mirror) : undefined;
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:'))
    throw new UsageError(`--tuf-mirror must be an http(s) URL, not '${mirror}'`);
  // TUF repositories are public: a user name or password in the URL would end up in messages and logs.
  if (url.username !== '' || url.password !== '') throw new UsageError('--tuf-mirror must not contain credentials');
  return mirror;
}

function updatedText(update: TrustRootUpdate, ms: number): string {
  return `Updated the Sigstore trusted root from ${update.mirror} (TUF root v${update.rootVersion}, targets v${update.targetsVersion}, sha256:${update.sha256}) in ${ms} ms.\nStored at ${update.path}; verify, check and the extension use it from now on.\n`;
}

// The message says what to do; the cause (DNS, TLS, which metadata failed which check) is shown beside it.
function reportFailure(error: TrustRootError, format: string, io: CliIo): void {
  const reason = error.cause instanceof Error ? error.cause.message : null;
  if (format === 'json') {
    const failure = { code: error.code, message: error.message, mirror: error.details.source, reason };
    io.stdout(`${JSON.stringify({ updated: false, error: failure }, null, 2)}\n`);
  } else {
    const because = reason === null ? '' : `\n  because: ${reason}`;
    io.stderr(`image-trust trust-root update: ${error.code}: ${error.message}${because}\n`);
  }
}

/** `image-trust trust-root update`: one TUF client update; exit 3 with a coded error when refused. */
export async function runTrustRootUpdate(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    'tuf-mirror': { type: 'string' },
    'tuf-root': { type: 'string' },
    'ca-file': { type: 'string', multiple: true },
    format: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
  const format = parseOutputFormat(values.format);
  const mirror = mirrorOf(values['tuf-mirror']);
  const cacheDir = sigstoreCacheDir(io.env, io.env.HOME ?? homedir());
  const root = initialRoot(values['tuf-root'], io.cwd);
  // A custom CA list replaces Node's store, which would drop NODE_EXTRA_CA_CERTS: name it explicitly.
  const extraCa = io.env.NODE_EXTRA_CA_CERTS ? [io.env.NODE_EXTRA_CA_CERTS] : [];
  const caFiles = [...(values['ca-file'] ?? []).map((file) => resolve(io.cwd, file)), ...extraCa];
  const http = createHttpTransport({ env: io.env, caFiles });
  const started = Date.now();
  try {
    const update = await updateSigstoreTrustedRoot({ cacheDir, mirror, initialRoot: root, transport: http.transport });
    const ms = Date.now() - started;
    io.stdout(
      format === 'json' ? `${JSON.stringify({ updated: true, ...update, ms }, null, 2)}\n` : updatedText(update, ms),
    );
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof TrustRootError)) throw error;
    reportFailure(error, format, io);
    return EXIT.incomplete;
  } finally {
    http.close();
  }
}
