// Where tickets go, and who works them. The helpdesk channel is configured (HELPDESK_CHANNEL_ID)
// or remembered from Teams, when an admin says "this is the helpdesk channel" in it. The helpdesk
// team — the agents who may take, assign and resolve tickets — is the team that channel belongs to,
// read through the Connector's member APIs (Teams decides who is in it, not the bot).
import type { Storage } from 'botbuilder';
import type { Config } from '../config.ts';
import { Lru } from '../lru.ts';
import { readItem } from '../store/storage.ts';
import type { TeamsPort } from './teams.ts';
import type { Party } from './ticket.ts';

export interface HelpdeskChannel {
  channelId: string;
  /** The team's id (its General channel's id): the member APIs are asked about the team. */
  teamId?: string;
  teamName?: string;
  channelName?: string;
  source: 'config' | 'teams';
  setBy?: Party;
  setAt?: string;
}

export const CHANNEL_KEY = 'settings/helpdesk-channel';

/** The configured channel wins; otherwise the one remembered from Teams. */
export async function helpdeskChannel(config: Config, storage: Storage): Promise<HelpdeskChannel | undefined> {
  if (config.helpdeskChannelId) return { channelId: config.helpdeskChannelId, source: 'config' };
  const found = await readItem<HelpdeskChannel>(storage, CHANNEL_KEY);
  if (!found?.channelId) return undefined;
  const { eTag: _e, ...channel } = found as HelpdeskChannel & { eTag?: string };
  return channel;
}

export async function rememberHelpdeskChannel(storage: Storage, channel: HelpdeskChannel): Promise<void> {
  // A setting, not a race: the last admin to say it wins.
  await storage.write({ [CHANNEL_KEY]: { ...channel, eTag: '*' } });
}

/** Membership answers are kept this long: an agent who was just added waits at most a minute. */
const MEMBER_TTL_MS = 60_000;

export class HelpdeskTeam {
  private readonly memberCache = new Lru<string, { at: number; yes: boolean }>(2000);
  private readonly rosterCache = new Lru<string, { at: number; members: Party[] }>(20);

  constructor(
    private readonly teams: TeamsPort,
    private readonly channel: () => Promise<HelpdeskChannel | undefined>,
  ) {}

  private static target(c: HelpdeskChannel): string {
    return c.teamId ?? c.channelId;
  }

  /** Whether the Teams account is a member of the helpdesk team (false when no channel is set). */
  async isAgent(serviceUrl: string, accountId: string | undefined): Promise<boolean> {
    const c = await this.channel();
    if (!c || !accountId) return false;
    const key = `${HelpdeskTeam.target(c)}|${accountId}`;
    const hit = this.memberCache.get(key);
    if (hit && Date.now() - hit.at < MEMBER_TTL_MS) return hit.yes;
    const yes = (await this.teams.member(serviceUrl, HelpdeskTeam.target(c), accountId)) !== undefined;
    this.memberCache.set(key, { at: Date.now(), yes });
    return yes;
  }

  /** The helpdesk team's members, for "Assign to …" (empty when no channel is set). */
  async members(serviceUrl: string): Promise<Party[]> {
    const c = await this.channel();
    if (!c) return [];
    const key = HelpdeskTeam.target(c);
    const hit = this.rosterCache.get(key);
    if (hit && Date.now() - hit.at < MEMBER_TTL_MS) return hit.members;
    const members = (await this.teams.members(serviceUrl, key))
      .filter((m) => m.aadObjectId && m.userRole !== 'guest')
      .map((m) => ({ oid: m.aadObjectId!, name: m.name || m.userPrincipalName || m.aadObjectId!, accountId: m.id }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
    this.rosterCache.set(key, { at: Date.now(), members });
    return members;
  }
}
