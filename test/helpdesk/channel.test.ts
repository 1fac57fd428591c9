import type { TeamsChannelAccount } from 'botbuilder';
import { MemoryStorage } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { CHANNEL_KEY, HelpdeskTeam, helpdeskChannel, rememberHelpdeskChannel, type HelpdeskChannel } from '../../src/helpdesk/channel.ts';
import type { TeamsPort } from '../../src/helpdesk/teams.ts';

const base = {
  BOT_ID: '17766803-da67-4b3a-867c-4fd0dde150b2',
  BOT_PASSWORD: 'x',
  BOT_TENANT_ID: 'db0a0aea-81ad-4375-b1ad-fc8ed0c1fee2',
  STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
  TOKEN_CACHE_KEY: Buffer.alloc(32, 7).toString('base64'),
};

describe('where tickets go', () => {
  it('the configured channel wins; otherwise the one an admin chose in Teams; otherwise none', async () => {
    const storage = new MemoryStorage();
    expect(await helpdeskChannel(loadConfig(base), storage)).toBeUndefined();
    const chosen: HelpdeskChannel = { channelId: '19:chosen@thread.tacv2', teamId: '19:team@thread.tacv2', source: 'teams', setBy: { oid: 'd', name: 'Diego' }, setAt: '2026-11-22T03:00:00Z' };
    await rememberHelpdeskChannel(storage, chosen);
    expect(await helpdeskChannel(loadConfig(base), storage)).toEqual(chosen);
    expect(await helpdeskChannel(loadConfig({ ...base, HELPDESK_CHANNEL_ID: '19:configured@thread.tacv2' }), storage)).toEqual({ channelId: '19:configured@thread.tacv2', source: 'config' });
    // The last admin to say it wins.
    await rememberHelpdeskChannel(storage, { ...chosen, channelId: '19:other@thread.tacv2' });
    expect((await storage.read([CHANNEL_KEY]))[CHANNEL_KEY]).toMatchObject({ channelId: '19:other@thread.tacv2' });
  });
});

describe('the helpdesk team', () => {
  function fake(members: Partial<TeamsChannelAccount>[]) {
    const calls = { members: 0, member: 0, targets: [] as string[] };
    const teams: Pick<TeamsPort, 'members' | 'member'> = {
      async members(_s, target) {
        calls.members++;
        calls.targets.push(target);
        return members as TeamsChannelAccount[];
      },
      async member(_s, target, accountId) {
        calls.member++;
        calls.targets.push(target);
        return (members as TeamsChannelAccount[]).find((m) => m.id === accountId);
      },
    };
    return { teams: teams as TeamsPort, calls };
  }

  const roster = [
    { id: '29:b', name: 'Isaiah Langer', aadObjectId: 'isaiah', userRole: 'user' },
    { id: '29:a', name: 'Diego Siciliani', aadObjectId: 'diego', userRole: 'user' },
    { id: '29:g', name: 'Guest Person', aadObjectId: 'guest', userRole: 'guest' },
  ];

  it('members are the team’s (not guests), sorted by name, asked of the team and remembered for a minute', async () => {
    const { teams, calls } = fake(roster);
    const team = new HelpdeskTeam(teams, async () => ({ channelId: '19:ch@thread.tacv2', teamId: '19:team@thread.tacv2', source: 'teams' }));
    expect(await team.members('s')).toEqual([
      { oid: 'diego', name: 'Diego Siciliani', accountId: '29:a' },
      { oid: 'isaiah', name: 'Isaiah Langer', accountId: '29:b' },
    ]);
    await team.members('s');
    expect(calls.members).toBe(1);
    expect(calls.targets).toEqual(['19:team@thread.tacv2']);
  });

  it('an agent is a member of the team; answers are remembered; no channel means no agents', async () => {
    const { teams, calls } = fake(roster);
    const team = new HelpdeskTeam(teams, async () => ({ channelId: '19:ch@thread.tacv2', source: 'config' }));
    expect(await team.isAgent('s', '29:a')).toBe(true);
    expect(await team.isAgent('s', '29:zzz')).toBe(false);
    expect(await team.isAgent('s', '29:a')).toBe(true);
    expect(calls.member).toBe(2);
    expect(calls.targets).toEqual(['19:ch@thread.tacv2', '19:ch@thread.tacv2']);
    expect(await team.isAgent('s', undefined)).toBe(false);
    const none = new HelpdeskTeam(teams, async () => undefined);
    expect(await none.isAgent('s', '29:a')).toBe(false);
    expect(await none.members('s')).toEqual([]);
  });
});
