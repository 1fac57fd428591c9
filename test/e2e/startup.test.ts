// A bad setting stops the start with a non-zero exit and one message that names the setting —
// and never contains a secret.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_SECRET, validEnv } from '../support/env.ts';

const root = resolve(import.meta.dirname, '..', '..');

function start(env: Record<string, string | undefined>) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', resolve(root, 'src', 'index.ts')], { cwd: root, env: { PATH: process.env.PATH ?? '', ...(env as Record<string, string>) }, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('starting with a bad setting', () => {
  it.each([
    ['BOT_ID', { BOT_ID: 'nope' }],
    ['BOT_PASSWORD', { BOT_PASSWORD: undefined }],
    ['GRAPH_BASE_URL', { GRAPH_BASE_URL: 'http://graph.microsoft.com' }],
    ['TOKEN_CACHE_KEY', { TOKEN_CACHE_KEY: `${TEST_SECRET}-too-short` }],
    ['STORAGE_CONNECTION_STRING', { STORAGE_CONNECTION_STRING: `not a connection string ${TEST_SECRET}` }],
  ])('exits non-zero naming %s, with no secret in the message', (variable, overrides) => {
    const env = validEnv(overrides as Record<string, string | undefined>);
    const { code, out } = start(env);
    expect(code).not.toBe(0);
    expect(out).toMatch(new RegExp(`configuration error: ${variable}: `));
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(out).not.toContain(TEST_SECRET);
  });
});
