// The capability catalog (../shared/ARCHITECTURE.md, "Intents") plus the few commands the bot
// understands. Plain data: the language parser, the answers, the help card and the tests share it.

export const INTENTS = [
  'tenant.overview',
  'sync.status',
  'sync.users',
  'sync.errors',
  'user.lookup',
  'user.groups',
  'group.members',
  'app.lookup',
  'app.credentials',
  'app.permissions',
  'license.summary',
  'license.holders',
  'role.members',
  'domain.list',
  'guest.list',
  'triage',
  'ticket.list',
  'help',
  'none',
  // Not questions about the tenant, but things people type that need their own answer:
  /** A request to change the tenant ("reset Alice's password"): the read-only refusal. */
  'readonly',
  /** Two readings are plausible ("Dropbox": the app or the group?): ask which. */
  'clarify',
  /** "sign out", "log me out". */
  'signout',
  /** An admin in a team channel: "this is the helpdesk channel". */
  'helpdesk.here',
  /** "thanks", "ok, great": a short you're-welcome rather than the help card. */
  'thanks',
] as const;

export type Intent = (typeof INTENTS)[number];

/** What a question is about. Every field is optional; the CLI prints exactly these keys. */
export interface Entities {
  /** 'me', a UPN / email, or a display name as typed ("Megan Bowen", "megan"). */
  user?: string;
  /** An app's display name as typed, or an appId (GUID). Workloads named in triage ("Outlook") land here too. */
  app?: string;
  /** A group's display name as typed, or its id. */
  group?: string;
  /** A directory role's canonical display name ("Global Administrator"), resolved from names and abbreviations ("GA"). */
  role?: string;
  /** A license: a skuPartNumber when typed as one ("SPE_E5"), else the friendly words typed ("E5", "Power BI Pro"). */
  sku?: string;
  /** A period in days ("in 30 days" → 30, "this week" → 7). */
  days?: number;
  /** A domain name ("contoso.com"). */
  domain?: string;
}

export const ENTITY_KEYS = ['user', 'app', 'group', 'role', 'sku', 'days', 'domain'] as const satisfies readonly (keyof Entities)[];

/** Which tickets `ticket.list` should show. */
export type TicketFilter = 'open' | 'mine' | 'unassigned' | 'all';

export interface Reading {
  intent: Intent;
  entities: Entities;
  /** A short label for a clarifying button ("the app Dropbox"). */
  label: string;
}

export interface Parsed {
  intent: Intent;
  entities: Entities;
  /** 0..1: how sure the parser is. Below ~0.5 the bot says what it understood and offers help. */
  confidence: number;
  /** For intent 'clarify': the readings to choose between (two or more). */
  alternatives?: Reading[];
  /** For intent 'ticket.list'. */
  ticketFilter?: TicketFilter;
  /** For intent 'readonly': what the person asked to change, in a few words ("reset a password"). */
  change?: string;
  /** For intent 'app.permissions': the access asked about ("mail", "Files.Read.All", "risky"). */
  permission?: string;
}
