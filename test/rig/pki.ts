import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCommand } from './run-command';

/** Files of the rig's PKI: one CA, a server leaf for every TLS listener, a leaf that signs tokens. */
export interface RigPki {
  caFile: string;
  /** A directory holding only `ca.crt`, the shape skopeo's `--cert-dir` wants. */
  certDir: string;
  serverCert: string;
  serverKey: string;
  tokenCert: string;
  tokenKey: string;
  /** What the registry trusts for token signatures: the token leaf (so `kid` resolves) and the CA. */
  tokenBundle: string;
  /** notary-server's HTTPS and its client certificate towards the signer (mutual TLS). */
  notaryServer: { cert: string; key: string };
  /** notary-signer's gRPC server certificate. */
  notarySigner: { cert: string; key: string };
}

// P-256 keys made by the same openssl call as their certificate; written as unencrypted PKCS#8.
const NEW_P256_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-noenc', '-sha256'];

function createCa(dir: string): Promise<unknown> {
  return runCommand('openssl', [
    ...['req', '-x509', ...NEW_P256_KEY, '-keyout', join(dir, 'ca.key'), '-days', '3650', '-subj', '/CN=Rig Test CA'],
    ...['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
    ...['-out', join(dir, 'ca.crt')],
  ]);
}

/** A CA-signed leaf in one call: OpenSSL 3's `req -x509 -CA` replaces the req + x509 -req pair of RIG-NOTES §2. */
function createLeaf(dir: string, name: string, subjectAltName: string, eku: string): Promise<unknown> {
  return runCommand('openssl', [
    ...['req', '-x509', '-CA', join(dir, 'ca.crt'), '-CAkey', join(dir, 'ca.key'), ...NEW_P256_KEY],
    ...['-keyout', join(dir, `${name}.key`), '-days', '825', '-subj', `/CN=${name}`],
    ...['-addext', 'basicConstraints=CA:FALSE', '-addext', 'keyUsage=critical,digitalSignature,keyEncipherment'],
    ...['-addext', `subjectAltName=${subjectAltName}`, '-addext', `extendedKeyUsage=${eku}`],
    ...['-out', join(dir, `${name}.crt`)],
  ]);
}

async function writeTokenBundle(dir: string): Promise<string> {
  const bundle = join(dir, 'token-bundle.crt');
  const pems = await Promise.all(['token.crt', 'ca.crt'].map((file) => readFile(join(dir, file), 'utf8')));
  await writeFile(bundle, pems.join(''));
  return bundle;
}

/** Makes the PKI under `dir` with openssl: the CA, then the leaves in parallel. */
export async function createPki(dir: string): Promise<RigPki> {
  const certDir = join(dir, 'certs.d');
  await mkdir(certDir, { recursive: true });
  await createCa(dir);
  await Promise.all([
    createLeaf(dir, 'server', 'DNS:localhost,IP:127.0.0.1', 'serverAuth'),
    createLeaf(dir, 'token', 'DNS:rig-token-signer', 'serverAuth'),
    createLeaf(dir, 'notary-server', 'DNS:notary-server,DNS:localhost,IP:127.0.0.1', 'serverAuth,clientAuth'),
    createLeaf(dir, 'notary-signer', 'DNS:notary-signer,DNS:localhost,IP:127.0.0.1', 'serverAuth,clientAuth'),
    copyFile(join(dir, 'ca.crt'), join(certDir, 'ca.crt')),
  ]);
  return {
    caFile: join(dir, 'ca.crt'),
    certDir,
    serverCert: join(dir, 'server.crt'),
    serverKey: join(dir, 'server.key'),
    tokenCert: join(dir, 'token.crt'),
    tokenKey: join(dir, 'token.key'),
    tokenBundle: await writeTokenBundle(dir),
    notaryServer: { cert: join(dir, 'notary-server.crt'), key: join(dir, 'notary-server.key') },
    notarySigner: { cert: join(dir, 'notary-signer.crt'), key: join(dir, 'notary-signer.key') },
  };
}
