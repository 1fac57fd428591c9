// The conversations the channel knows: 1:1 chats, group chats and team channels, with their members
// taken from the tenant (a team's members are its group's members and owners).
import type { GraphObject, Tenant } from '../tenant/types.ts';
import { channelThreadId, groupChatId, personalConversationId, splitConversationId, teamThreadId, userAccountId, GENERAL } from './ids.ts';

export type ConversationKind = 'personal' | 'groupChat' | 'channel';

export interface TeamInfo {
  id: string;
  name: string;
  aadGroupId: string;
}

export interface Conversation {
  /** For channels: the channel id (posts live in `{id};messageid={root}`). */
  id: string;
  kind: ConversationKind;
  tenantId: string;
  memberOids: string[];
  name?: string;
  team?: TeamInfo;
  channel?: { id: string; name: string };
}

/** A member as the Connector's members APIs return it (TeamsChannelAccount). */
export interface TeamsChannelAccount {
  id: string;
  name: string;
  aadObjectId: string;
  email?: string;
  userPrincipalName: string;
  givenName?: string;
  surname?: string;
  tenantId: string;
  userRole: 'user' | 'guest';
}

const isTeam = (g: GraphObject) => Array.isArray(g.resourceProvisioningOptions) && (g.resourceProvisioningOptions as string[]).includes('Team');

export class Conversations {
  private readonly byId = new Map<string, Conversation>();
  /** 1:1 conversation id → user, built on first need: a bot may keep a conversation id across restarts. */
  private personalIds: Map<string, string> | undefined;

  constructor(
    private readonly tenant: Tenant,
    private readonly botAppId: string,
  ) {}

  user(ref: string): GraphObject {
    const key = ref.trim().toLowerCase();
    const u = this.tenant.userByUpn.get(key) ?? this.tenant.data.users.find((x) => x.id.toLowerCase() === key || userAccountId(x.id) === ref.trim());
    if (!u) throw new Error(`no user '${ref}' in tenant ${this.tenant.tenantId}`);
    return u;
  }

  /** A user by Teams account id, object id or UPN; undefined when unknown. */
  findUser(ref: string): GraphObject | undefined {
    try {
      return this.user(ref);
    } catch {
      return undefined;
    }
  }

  account(u: GraphObject): TeamsChannelAccount {
    const acc: TeamsChannelAccount = {
      id: userAccountId(u.id),
      name: String(u.displayName ?? ''),
      aadObjectId: u.id,
      userPrincipalName: String(u.userPrincipalName ?? ''),
      tenantId: this.tenant.tenantId,
      userRole: u.userType === 'Guest' ? 'guest' : 'user',
    };
    if (typeof u.mail === 'string') acc.email = u.mail;
    if (typeof u.givenName === 'string') acc.givenName = u.givenName;
    if (typeof u.surname === 'string') acc.surname = u.surname;
    return acc;
  }

  private remember(c: Conversation): Conversation {
    const known = this.byId.get(c.id);
    if (known) return known;
    this.byId.set(c.id, c);
    return c;
  }

  personal(userRef: string): Conversation {
    const u = this.user(userRef);
    return this.remember({ id: personalConversationId(u.id, this.botAppId), kind: 'personal', tenantId: this.tenant.tenantId, memberOids: [u.id] });
  }

  groupChat(userRefs: string[], topic?: string): Conversation {
    const oids = userRefs.map((r) => this.user(r).id);
    return this.remember({ id: groupChatId(oids), kind: 'groupChat', tenantId: this.tenant.tenantId, memberOids: oids, ...(topic ? { name: topic } : {}) });
  }

  team(ref: string): TeamInfo {
    const key = ref.trim().toLowerCase();
    const groups = this.tenant.data.groups;
    const match = (g: GraphObject) => g.id.toLowerCase() === key || String(g.displayName ?? '').toLowerCase() === key || String(g.mailNickname ?? '').toLowerCase() === key || teamThreadId(g.id) === ref;
    const g = groups.find((x) => isTeam(x) && match(x)) ?? groups.find(match);
    if (!g) throw new Error(`no team '${ref}' in tenant ${this.tenant.tenantId}`);
    return { id: teamThreadId(g.id), name: String(g.displayName ?? ''), aadGroupId: g.id };
  }

  teamMembers(team: TeamInfo): string[] {
    const rel = this.tenant.data.relationships;
    const ids = [...(rel.members[team.aadGroupId] ?? []), ...(rel.owners[team.aadGroupId] ?? [])];
    return [...new Set(ids)].filter((id) => this.tenant.typeOf(id) === '#microsoft.graph.user');
  }

  channel(teamRef: string, channelName: string = GENERAL): Conversation {
    const team = this.team(teamRef);
    const id = channelThreadId(team.aadGroupId, channelName);
    return this.remember({ id, kind: 'channel', tenantId: this.tenant.tenantId, memberOids: this.teamMembers(team), name: channelName, team, channel: { id, name: channelName } });
  }

  /** The conversation an id names (a thread id names its channel; a team id its General channel). */
  get(id: string): Conversation | undefined {
    const { base } = splitConversationId(id);
    const known = this.byId.get(base);
    if (known) return known;
    if (base.startsWith('a:')) {
      this.personalIds ??= new Map(this.tenant.data.users.map((u) => [personalConversationId(u.id, this.botAppId), u.id]));
      const oid = this.personalIds.get(base);
      return oid ? this.personal(oid) : undefined;
    }
    const group = this.tenant.data.groups.find((g) => teamThreadId(g.id) === base);
    return group ? this.channel(group.id, GENERAL) : undefined;
  }

  /** Conversations created by the bot (POST v3/conversations) or by the driver. */
  add(c: Conversation): Conversation {
    return this.remember(c);
  }

  channelsOf(team: TeamInfo): { id: string; name: string | null }[] {
    const general = { id: team.id, name: null };
    const others = [...this.byId.values()].filter((c) => c.kind === 'channel' && c.team?.aadGroupId === team.aadGroupId && c.id !== team.id).map((c) => ({ id: c.id, name: c.channel!.name }));
    return [general, ...others];
  }

  members(c: Conversation): GraphObject[] {
    return c.memberOids.map((id) => this.tenant.byId.get(id)).filter((u): u is GraphObject => u !== undefined);
  }
}
