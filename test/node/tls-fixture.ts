import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TlsFixture {
  dir: string;
  caFile: string;
  /** A client certificate signed by the same CA, named as docker's certs.d expects (`.cert` + `.key`). */
  clientCertFile: string;
  clientKeyFile: string;
  cert: string;
  key: string;
}

/** A throw-away CA, a server certificate (127.0.0.1, localhost, registry.test) and a client one, via openssl. */
export async function createTlsFixture(): Promise<TlsFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'image-trust-tls-'));
  const at = (name: string) => join(dir, name);
  const ec = ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out'];
  await run('openssl', [...ec, at('ca.key')]);
  await run('openssl', [
    'req',
    '-x509',
    '-new',
    '-key',
    at('ca.key'),
    '-sha256',
    '-days',
    '2',
    '-subj',
    '/CN=Test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign',
    '-out',
    at('ca.crt'),
  ]);
  // Each leaf: a key, a request, and the CA's signature with the leaf's extensions (serials are random: no
  // shared serial file to race on).
  const issue = async (name: string, subject: string, extensions: string, out: string) => {
    await run('openssl', [...ec, at(`${name}.key`)]);
    await run('openssl', ['req', '-new', '-key', at(`${name}.key`), '-subj', subject, '-out', at(`${name}.csr`)]);
    await writeFile(at(`${name}.ext`), extensions);
    const ca = ['-CA', at('ca.crt'), '-CAkey', at('ca.key'), '-set_serial', `0x${randomBytes(8).toString('hex')}`];
    const options = ['-days', '2', '-sha256', '-extfile', at(`${name}.ext`), '-out', at(out)];
    await run('openssl', ['x509', '-req', '-in', at(`${name}.csr`), ...ca, ...options]);
  };
  await issue(
    'server',
    '/CN=localhost',
    'subjectAltName=DNS:localhost,DNS:registry.test,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n',
    'server.crt',
  );
  await issue('client', '/CN=client', 'extendedKeyUsage=clientAuth\n', 'client.cert');
  return {
    dir,
    caFile: at('ca.crt'),
    clientCertFile: at('client.cert'),
    clientKeyFile: at('client.key'),
    cert: await readFile(at('server.crt'), 'utf8'),
    key: await readFile(at('server.key'), 'utf8'),
  };
}
