import { execFile } from 'node:child_process';
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
  await run('openssl', [...ec, at('server.key')]);
  await run('openssl', ['req', '-new', '-key', at('server.key'), '-subj', '/CN=localhost', '-out', at('server.csr')]);
  await writeFile(
    at('server.ext'),
    'subjectAltName=DNS:localhost,DNS:registry.test,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n',
  );
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    at('server.csr'),
    '-CA',
    at('ca.crt'),
    '-CAkey',
    at('ca.key'),
    '-CAcreateserial',
    '-days',
    '2',
    '-sha256',
    '-extfile',
    at('server.ext'),
    '-out',
    at('server.crt'),
  ]);
  await run('openssl', [...ec, at('client.key')]);
  await run('openssl', ['req', '-new', '-key', at('client.key'), '-subj', '/CN=client', '-out', at('client.csr')]);
  await writeFile(at('client.ext'), 'extendedKeyUsage=clientAuth\n');
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    at('client.csr'),
    '-CA',
    at('ca.crt'),
    '-CAkey',
    at('ca.key'),
    '-CAcreateserial',
    '-days',
    '2',
    '-sha256',
    '-extfile',
    at('client.ext'),
    '-out',
    at('client.cert'),
  ]);
  return {
    dir,
    caFile: at('ca.crt'),
    clientCertFile: at('client.cert'),
    clientKeyFile: at('client.key'),
    cert: await readFile(at('server.crt'), 'utf8'),
    key: await readFile(at('server.key'), 'utf8'),
  };
}
