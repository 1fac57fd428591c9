// Writes a tenant folder in the format loadTenant reads (see devtenant/README.md). Large tenants are
// written one object per line: readable with grep and head, and fast to produce for 100,000 users.
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { COLLECTIONS, type TenantData } from './types.ts';

export interface WriteOptions {
  /** Indent everything (the committed sample). Default: one object per line. */
  pretty?: boolean;
}

/** Writes `[`, one JSON object per line, `]` in chunks, never holding the whole file as one string. */
function writeArrayLines(file: string, items: readonly unknown[]): void {
  const fd = openSync(file, 'w');
  try {
    if (items.length === 0) {
      writeSync(fd, '[]\n');
      return;
    }
    let chunk = '[\n';
    for (let i = 0; i < items.length; i++) {
      chunk += `${JSON.stringify(items[i])}${i < items.length - 1 ? ',' : ''}\n`;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, `${chunk}]\n`);
  } finally {
    closeSync(fd);
  }
}

/** `{"members": {"id": [...], ...}, ...}` with one map entry per line. */
function mapsLines(maps: Record<string, Record<string, unknown>>): string {
  const sections = Object.entries(maps).map(([name, map]) => {
    const entries = Object.entries(map).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
    return entries.length ? `  ${JSON.stringify(name)}: {\n${entries.join(',\n')}\n  }` : `  ${JSON.stringify(name)}: {}`;
  });
  return `{\n${sections.join(',\n')}\n}\n`;
}

export function writeTenant(data: TenantData, dir: string, options: WriteOptions = {}): void {
  mkdirSync(dir, { recursive: true });
  const pretty = (v: unknown): string => `${JSON.stringify(v, null, 2)}\n`;
  for (const c of COLLECTIONS) {
    if (options.pretty) writeFileSync(join(dir, `${c}.json`), pretty(data[c]));
    else writeArrayLines(join(dir, `${c}.json`), data[c]);
  }
  const relationships = { members: data.relationships.members, owners: data.relationships.owners, managers: data.relationships.managers };
  writeFileSync(join(dir, 'relationships.json'), mapsLines(relationships));
  writeFileSync(join(dir, 'devtenant.json'), pretty(data.settings));
  if (data.authorizationPolicy) writeFileSync(join(dir, 'authorizationPolicy.json'), pretty(data.authorizationPolicy));
}
