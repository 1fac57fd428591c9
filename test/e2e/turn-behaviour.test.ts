// What a person notices in a conversation: "typing…" while a slow answer is made (and none for a
// fast one), sign-out, and a shutdown that finishes the answer already under way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type World } from '../support/sandbox.ts';
import { signIn } from '../support/sign-in.ts';
import { ownCards } from '../support/turns.ts';

let world: World;
beforeAll(async () => {
  world = await startWorld({ name: 'turn-behaviour' });
  await signIn(world.dt, 'miriam@contoso.com');
});
afterAll(async () => {
  world?.dt.faults.clear();
  await world?.close();
});

const typingOf = (turn: { sent: { activity: { type?: unknown } }[] }) => turn.sent.filter((s) => s.activity.type === 'typing');

describe('a slow answer', () => {
  it('shows "typing…" before it, and no typing after it', async () => {
    world.dt.faults.set([{ service: 'graph', latencyMs: 1500, match: '^/(v1\\.0|beta)/(?!\\$batch)' }]);
    const turn = await world.dt.channel.personal('miriam@contoso.com').send('who is synced?');
    world.dt.faults.clear();
    const seqs = turn.sent.map((s) => s.activity.type);
    expect(typingOf(turn).length).toBeGreaterThanOrEqual(1);
    expect(seqs.indexOf('typing')).toBeLessThan(seqs.indexOf('message'));
    expect(seqs.lastIndexOf('typing')).toBeLessThan(seqs.lastIndexOf('message'));
  });

  it('a fast answer comes without "typing…"', async () => {
    const turn = await world.dt.channel.personal('miriam@contoso.com').send('help');
    expect(typingOf(turn)).toEqual([]);
    expect(turn.cards).toHaveLength(1);
  });
});

describe('sign out', () => {
  it('forgets the person: the next question asks them to sign in again', async () => {
    const chat = world.dt.channel.personal('miriam@contoso.com');
    const bye = await chat.send('sign out');
    expect(JSON.stringify(bye.cards)).toMatch(/signed out/);
    const next = await chat.send('who is synced?');
    expect(next.oauthCard).toBeDefined();
    await signIn(world.dt, 'miriam@contoso.com');
  });
});

describe('shutdown', () => {
  it('SIGTERM lets the answer under way finish, then exits cleanly', async () => {
    world.dt.faults.set([{ service: 'graph', latencyMs: 1500, match: '^/(v1\\.0|beta)/(?!\\$batch)' }]);
    const asking = world.dt.channel.personal('miriam@contoso.com').send('what licenses do we have?');
    await new Promise((ok) => setTimeout(ok, 400));
    const exited = world.bot.stop('SIGTERM');
    const turn = await asking;
    world.dt.faults.clear();
    expect(turn.status).toBe(200);
    expect(JSON.stringify(ownCards(world.dt, turn))).toMatch(/License/);
    expect(await exited).toBe(0);
    const events = world.bot.logs().map((r) => r.event);
    expect(events.indexOf('server.stopping')).toBeLessThan(events.lastIndexOf('turn.done'));
    await world.restartBot();
  });
});
