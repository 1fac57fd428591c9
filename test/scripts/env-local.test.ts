// env/.env.local is what `npm start` gives the bot; it must say exactly what the dev tenant
// serves on its sandbox ports, or the sandbox fails at the first token check.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevTenant, type DevTenant } from '../../devtenant/index.ts';
import { loadConfig } from '../../src/config.ts';
import { loadEnv } from '../../scripts/package-app.ts';

let dt: DevTenant;
beforeAll(async () => {
  // Ephemeral ports here (the sandbox's fixed ones may be in use); compare with the ports swapped.
  dt = await startDevTenant({ tenant: 'contoso', keysDir: false });
});
afterAll(async () => dt?.close());

const SANDBOX_PORTS: Record<string, string> = { entra: '7443', graph: '7444', channel: '7445' };

describe('env/.env.local', () => {
  it('matches the dev tenant on its sandbox ports, variable for variable', () => {
    const local = loadEnv('local');
    const expected = dt.botEnv({ sandboxSso: true });
    const swap = (v: string) => v.replace(new RegExp(`:(${new URL(dt.urls.entra).port})\\b`), `:${SANDBOX_PORTS.entra}`).replace(new RegExp(`:(${new URL(dt.urls.graph).port})\\b`), `:${SANDBOX_PORTS.graph}`).replace(new RegExp(`:(${new URL(dt.urls.channel).port})\\b`), `:${SANDBOX_PORTS.channel}`);
    for (const [key, value] of Object.entries(expected)) {
      if (key === 'TRUSTED_CA_FILE') expect(resolve(local[key]!)).toBe(resolve(value));
      else expect(local[key], key).toBe(swap(value));
    }
  });

  it('is a valid bot configuration', () => {
    const config = loadConfig({ ...loadEnv('local'), TRUSTED_CA_FILE: dt.caFile });
    expect(config.sandboxSsoTokenUrl).toBeDefined();
    expect(config.bot.appId).toBe('17766803-da67-4b3a-867c-4fd0dde150b2');
  });
});
