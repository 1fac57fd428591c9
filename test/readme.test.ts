// README.md is where people look first: it must list every permission the bot asks for (with the
// intents that need it), every setting, and the two quick-start commands.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GRAPH_SCOPES } from '../src/identity/scopes.ts';
import { readEnvFile } from '../scripts/package-app.ts';

const readme = readFileSync(resolve(import.meta.dirname, '..', 'README.md'), 'utf8');

describe('README.md', () => {
  it('shows the two quick-start commands', () => {
    expect(readme).toMatch(/npm ci && npm start/);
    expect(readme).toMatch(/^npm test\b/m);
  });

  it('lists every delegated permission with each intent that needs it', () => {
    for (const s of GRAPH_SCOPES) {
      const row = readme.split('\n').find((l) => l.startsWith(`| \`${s.scope}\` |`));
      expect(row, s.scope).toBeDefined();
      for (const intent of s.intents.filter((i) => i !== 'help')) expect(row, `${s.scope} → ${intent}`).toContain(intent);
    }
  });

  it('documents every setting of env/.env.dev', () => {
    const template = readFileSync(resolve(import.meta.dirname, '..', 'env', '.env.dev'), 'utf8');
    const names = new Set([...Object.keys(readEnvFile(resolve(import.meta.dirname, '..', 'env', '.env.dev'))), ...[...template.matchAll(/^#\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!)]);
    for (const n of ['TEAMS_APP_ID', 'APP_NAME_SUFFIX']) names.delete(n); // package-only, documented in env/.env.dev
    expect(names.size).toBeGreaterThan(20);
    for (const n of names) expect(readme, n).toContain(`\`${n}\``);
  });
});
