// Signing keys kept on disk, so tokens the dev tenant issued (refresh tokens, the channel's tokens a
// running bot has cached keys for) stay valid when the dev tenant restarts.
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { keyFromPem, keyToPem, newSigningKey, type SigningKey } from '../shared/jwt.ts';

export const defaultKeysDir = resolve(import.meta.dirname, '..', '..', '.devtenant', 'keys');

/**
 * Returns the keys stored as `{dir}/{name}.json`, creating them on first use. Without a dir the keys
 * live only in memory. Safe when several processes start at once: the first file written wins.
 */
export function loadOrCreateKeys(dir: string | undefined, name: string): SigningKey[] {
  if (!dir) return [newSigningKey()];
  const file = join(dir, `${name}.json`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(tmp, JSON.stringify([keyToPem(newSigningKey())], null, 2), { mode: 0o600 });
    try {
      linkSync(tmp, file); // fails if another process got there first; then its keys are used
    } catch {
      /* keep the existing file */
    } finally {
      rmSync(tmp, { force: true });
    }
  }
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { kid: string; pem: string }[];
  if (!Array.isArray(stored) || stored.length === 0) throw new Error(`${file}: no keys`);
  return stored.map((k) => keyFromPem(k.kid, k.pem));
}
