// After a restart of the bot a signed-in person is answered without signing in again (the token
// cache lives encrypted in storage), and nothing a whole run logged contains a token or a secret.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOG_DIR } from '../../scripts/bot-process.ts';
import { findSecrets, startWorld, type World } from '../support/sandbox.ts';

let world: World;
beforeAll(async () => {
  world = await startWorld({ name: 'restart' });
});
afterAll(async () => world?.close());

describe('restart', () => {
  it('answers a signed-in person after a restart with no new sign-in and no token request', async () => {
    const chat = world.dt.channel.personal('diego@contoso.com');
    const asked = await chat.send('who is synced?');
    const since = world.dt.channel.mark();
    await chat.tokenExchange(asked, { copies: 2 });
    await world.dt.channel.waitFor((s) => s.seq >= since && JSON.stringify(s.activity).includes('Who is synced'), 20_000);

    await world.restartBot('SIGTERM');
    const mark = world.dt.log.mark();
    const after = await chat.send('who is synced?');
    expect(after.oauthCard).toBeUndefined();
    expect(JSON.stringify(after.cards[0])).toContain('Who is synced');
    // The new process gets its own Bot Framework token (client_credentials) to reply; what must
    // not happen is a token request for the person (OBO or refresh).
    const kinds = world.dt.log.since(mark, 'entra').map((r) => r.kind);
    expect(kinds).toContain('client_credentials');
    expect(kinds.filter((k) => k === 'urn:ietf:params:oauth:grant-type:jwt-bearer' || k === 'refresh_token')).toEqual([]);
  });

  it('also after a SIGKILL (no graceful shutdown)', async () => {
    await world.restartBot('SIGKILL');
    const turn = await world.dt.channel.personal('diego@contoso.com').send('sync status');
    expect(turn.oauthCard).toBeUndefined();
    expect(JSON.stringify(turn.cards[0])).toContain('Sync status');
  });

  it('shuts down gracefully on SIGTERM: exit code 0, stopped after in-flight turns', async () => {
    const code = await world.bot.stop('SIGTERM');
    expect(code).toBe(0);
    const events = world.bot.logs().map((r) => r.event);
    expect(events).toContain('server.stopping');
    expect(events.at(-1)).toBe('server.stopped');
    await world.restartBot();
  });
});

describe('logs', () => {
  it('contain no access token, SSO token, refresh token or secret (every log this run produced)', () => {
    const secrets = [world.env.BOT_PASSWORD!, world.env.TOKEN_CACHE_KEY!, /AccountKey=([^;]+)/.exec(world.env.STORAGE_CONNECTION_STRING!)![1]!];
    const files = readdirSync(LOG_DIR).filter((f) => f.endsWith('.log'));
    expect(files.length).toBeGreaterThan(0);
    const found: string[] = [];
    let lines = 0;
    for (const f of files) {
      const text = readFileSync(join(LOG_DIR, f), 'utf8');
      lines += text.split('\n').length;
      for (const hit of findSecrets(text, secrets)) found.push(`${f}: ${hit}`);
    }
    console.log(`scanned ${files.length} log files, ${lines} lines`);
    expect(found).toEqual([]);
  });
});
