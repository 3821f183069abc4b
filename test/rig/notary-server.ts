import { writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort } from './free-port';
import type { RigPki } from './pki';
import { startProcess, type RigProcess } from './processes';
import { waitUntilServing } from './readiness';
import { RigError } from './rig-error';
import { readFile } from 'node:fs/promises';

/** A running notary-server (HTTPS) with its notary-signer behind mutual TLS, both on 127.0.0.1. */
export interface NotaryServer {
  /** `https://127.0.0.1:PORT` */
  url: string;
  /** notary-signer's gRPC port, for another notary-server (e.g. one with token auth) to share. */
  signerPort: number;
  processes: RigProcess[];
}

/** Token auth as distribution does it: notary-server then accepts the registry's token service's JWTs. */
export interface NotaryAuth {
  realm: string;
  service: string;
  issuer: string;
  rootCertBundle: string;
}

const ATTEMPTS = 5;

function tcpOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** The signer is ready once its port accepts a connection (RIG-NOTES §1). */
async function waitForPort(port: number, proc: RigProcess): Promise<void> {
  for (let i = 0; i < 1500; i++) {
    if (proc.hasExited()) {
      throw new RigError('RIG_PROCESS_EXITED', `${proc.name} exited before listening. Log tail:\n${proc.logTail()}`);
    }
    if (await tcpOpen(port)) return;
    await sleep(20);
  }
  throw new RigError('RIG_NOT_READY', `${proc.name} did not listen within 30 s. Log tail:\n${proc.logTail()}`);
}

async function startSigner(dir: string, pki: RigPki, attempt: number): Promise<{ port: number; proc: RigProcess }> {
  const port = await findFreePort();
  const config = join(dir, 'notary-signer.json');
  const server = { grpc_addr: `127.0.0.1:${port}`, client_ca_file: pki.caFile };
  const tls = { tls_cert_file: pki.notarySigner.cert, tls_key_file: pki.notarySigner.key };
  await writeFile(
    config,
    JSON.stringify({ server: { ...server, ...tls }, logging: { level: 'info' }, storage: { backend: 'memory' } }),
  );
  const proc = startProcess(
    'notary-signer',
    'notary-signer',
    ['-config', config],
    join(dir, `notary-signer.${attempt}.log`),
  );
  await waitForPort(port, proc).catch(async (error: unknown) => {
    await proc.stop();
    throw error;
  });
  return { port, proc };
}

async function startServer(dir: string, pki: RigPki, signerPort: number, attempt: number, auth?: NotaryAuth) {
  const port = await findFreePort();
  const name = auth === undefined ? 'notary-server' : 'notary-server-auth';
  const config = join(dir, `${name}.json`);
  const trust = {
    type: 'remote',
    hostname: '127.0.0.1',
    port: String(signerPort), // a JSON string, as notary wants it
    key_algorithm: 'ecdsa',
    tls_ca_file: pki.caFile,
    tls_client_cert: pki.notaryServer.cert,
    tls_client_key: pki.notaryServer.key,
  };
  const server = {
    http_addr: `127.0.0.1:${port}`,
    tls_cert_file: pki.notaryServer.cert,
    tls_key_file: pki.notaryServer.key,
  };
  const { rootCertBundle, ...token } = auth ?? { rootCertBundle: '' };
  const authConfig =
    auth === undefined ? {} : { auth: { type: 'token', options: { ...token, rootcertbundle: rootCertBundle } } };
  const settings = { server, trust_service: trust, logging: { level: 'info' }, storage: { backend: 'memory' } };
  await writeFile(config, JSON.stringify({ ...settings, ...authConfig }));
  const proc = startProcess(name, 'notary-server', ['-config', config], join(dir, `${name}.${attempt}.log`));
  const url = `https://127.0.0.1:${port}`;
  try {
    await waitUntilServing(`${url}/_notary_server/health`, proc, { ca: await readFile(pki.caFile, 'utf8') });
    return { url, proc };
  } catch (error) {
    await proc.stop();
    throw error;
  }
}

const isAddressInUse = (error: unknown) => error instanceof RigError && /address already in use/.test(error.message);

async function retrying<T>(start: (attempt: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start(attempt);
    } catch (error) {
      if (attempt >= ATTEMPTS || !isAddressInUse(error)) throw error;
    }
  }
}

/** Starts notary-signer, then notary-server (which connects lazily, so the signer comes first). */
export async function startNotary(dir: string, pki: RigPki, track: (proc: RigProcess) => void): Promise<NotaryServer> {
  const signer = await retrying((attempt) => startSigner(dir, pki, attempt));
  track(signer.proc);
  const server = await retrying((attempt) => startServer(dir, pki, signer.port, attempt));
  track(server.proc);
  return { url: server.url, signerPort: signer.port, processes: [signer.proc, server.proc] };
}

/** Another notary-server on the same signer, with token auth; the caller stops its process. */
export function startNotaryServer(dir: string, pki: RigPki, signerPort: number, auth: NotaryAuth) {
  return retrying((attempt) => startServer(dir, pki, signerPort, attempt, auth));
}
