// A local certificate authority for the dev tenant's HTTPS endpoints. MSAL accepts only an https
// authority, and the Graph client sends tokens only to https hosts it knows, so the dev tenant
// speaks TLS with a certificate the bot trusts through its TRUSTED_CA_FILE setting — the same
// setting a company behind a TLS-inspecting proxy would use. Made once with openssl, kept in .devtenant/tls.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface TlsMaterial {
  /** Path of the CA certificate (PEM) the bot must trust. */
  caFile: string;
  ca: string;
  cert: string;
  key: string;
}

export const defaultTlsDir = resolve(import.meta.dirname, '..', '.devtenant', 'tls');

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Returns the CA and a localhost server certificate, creating them on first use. Safe to call from parallel processes. */
export function ensureTls(dir: string = defaultTlsDir): TlsMaterial {
  const caFile = join(dir, 'ca.pem');
  if (!existsSync(join(dir, 'server.key'))) {
    mkdirSync(resolve(dir, '..'), { recursive: true });
    const tmp = mkdtempSync(join(resolve(dir, '..'), 'tls-'));
    try {
      writeFileSync(join(tmp, 'san.cnf'), 'subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n');
      openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '3650', '-subj', '/CN=Tenant Desk dev tenant CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], tmp);
      openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost'], tmp);
      openssl(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '825', '-extfile', 'san.cnf'], tmp);
      try {
        renameSync(tmp, dir); // atomic: a parallel process either sees nothing or everything
      } catch {
        rmSync(tmp, { recursive: true, force: true }); // another process won the race; use its files
      }
    } catch (err) {
      rmSync(tmp, { recursive: true, force: true });
      throw new Error(`could not create the dev tenant's TLS certificates with openssl: ${(err as Error).message}`, { cause: err });
    }
  }
  return {
    caFile,
    ca: readFileSync(caFile, 'utf8'),
    cert: readFileSync(join(dir, 'server.pem'), 'utf8'),
    key: readFileSync(join(dir, 'server.key'), 'utf8'),
  };
}
