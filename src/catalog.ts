// What Tenant Desk can answer: one entry per intent, joining its answer (Graph → view model),
// its card (view model → Adaptive Card) and who may see it in a group chat or channel. The help
// card lists exactly these, so it shows only what works.
import type { AnswerContext } from './answers/context.ts';
import type { Rendered } from './cards/guard.ts';
import type { Intent, Parsed } from './language/intents.ts';
import { syncStatus } from './answers/sync-status.ts';
import { syncUsers } from './answers/sync-users.ts';
import { renderSyncStatus } from './cards/sync-status.ts';
import { renderSyncUsers } from './cards/sync-users.ts';
import { appCredentials } from './answers/app-credentials.ts';
import { appLookup } from './answers/app-lookup.ts';
import { appPermissions } from './answers/app-permissions.ts';
import { licenseHolders } from './answers/license-holders.ts';
import { licenseSummary } from './answers/license-summary.ts';
import { roleMembers } from './answers/role-members.ts';
import { renderAppCredentials } from './cards/app-credentials.ts';
import { renderAppLookup } from './cards/app-lookup.ts';
import { renderAppPermissions } from './cards/app-permissions.ts';
import { renderLicenseHolders } from './cards/license-holders.ts';
import { renderLicenseSummary } from './cards/license-summary.ts';
import { renderRoleMembers } from './cards/role-members.ts';
import { domainList } from './answers/domain-list.ts';
import { groupMembers } from './answers/group-members.ts';
import { guestList } from './answers/guest-list.ts';
import { syncErrors } from './answers/sync-errors.ts';
import { tenantOverview } from './answers/tenant-overview.ts';
import { userGroups } from './answers/user-groups.ts';
import { userLookup } from './answers/user-lookup.ts';
import { renderDomainList } from './cards/domain-list.ts';
import { renderGroupMembers } from './cards/group-members.ts';
import { renderGuestList } from './cards/guest-list.ts';
import { renderSyncErrors } from './cards/sync-errors.ts';
import { renderTenantOverview } from './cards/tenant-overview.ts';
import { renderUserGroups } from './cards/user-groups.ts';
import { renderUserLookup } from './cards/user-lookup.ts';
import { triage } from './answers/triage.ts';
import { renderTriage } from './cards/triage.ts';
import { ticketsOutsideTeams } from './helpdesk/ticket-list.ts';
import { renderTicketList } from './cards/ticket-list.ts';

/**
 * Principle 2: 'members' — every member of a chat or channel could read this themselves (most
 * directory data), so it may be posted in the thread; 'private' — sign-in activity, consent
 * grants, sync configuration, another person's diagnostics: it goes to the asker alone, unless the
 * channel is a configured admin channel.
 */
export type Audience = 'members' | 'private';

export interface ViewOptions {
  /** The page of a long list to show (0-based). */
  page: number;
  /** Where the view model is kept for paging (set by the bot; absent in the CLI). */
  answerId?: string;
}

export interface Capability<VM = unknown> {
  intent: Intent;
  /** For the help card: what it answers. */
  title: string;
  /** For the help card: how people ask. */
  examples: string[];
  audience: Audience;
  /**
   * Set only where Graph cannot filter for what the answer needs, so its cost grows with the
   * tenant: why. Every other answer makes the same number of round trips at any size (a test checks).
   */
  growsWithTenant?: string;
  answer(question: Parsed, ctx: AnswerContext): Promise<VM>;
  render(vm: VM, view: ViewOptions): Rendered;
}

/** Binds an answer to its card with one view-model type, so the table below stays type-checked. */
function capability<VM>(c: Capability<VM>): Capability {
  return c as unknown as Capability;
}

// Every question the bot answers: follow one line to the answer (src/answers), the card (src/cards)
// and the tests (test/answers, test/cards, test/e2e).
const CAPABILITIES: Capability[] = [
  capability({ intent: 'sync.status', title: 'Directory sync health', examples: ['sync status', 'is directory sync working?', 'when did password hash sync last run?'], audience: 'private', answer: syncStatus, render: renderSyncStatus }),
  capability({ intent: 'sync.users', title: 'Who is synced from on-premises AD', examples: ['who is synced?', 'how many users are cloud-only?'], audience: 'members', answer: syncUsers, render: renderSyncUsers }),
  capability({ intent: 'tenant.overview', title: 'Our tenant and its Entra ID directory', examples: ['what is our tenant?', 'what is our tenant id?', 'how many users do we have?'], audience: 'members', answer: tenantOverview, render: renderTenantOverview }),
  capability({ intent: 'sync.errors', title: 'Directory sync errors', examples: ['any sync errors?', 'who has provisioning errors?'], audience: 'private', answer: syncErrors, render: renderSyncErrors }),
  capability({ intent: 'user.lookup', title: 'A person: profile, manager, licenses, sync', examples: ['who is Megan Bowen?', 'is adele@contoso.com synced?', 'am I synced?'], audience: 'private', answer: userLookup, render: renderUserLookup }),
  capability({ intent: 'user.groups', title: "A person's groups", examples: ['what groups am I in?', 'what groups is Megan Bowen in?'], audience: 'members', answer: userGroups, render: renderUserGroups }),
  capability({ intent: 'group.members', title: "A group's members", examples: ['who is in Sales?', "members of 'Dropbox Users'"], audience: 'members', answer: groupMembers, render: renderGroupMembers }),
  capability({ intent: 'guest.list', title: 'Guests and pending invitations', examples: ['how many guests do we have?', 'guests who never accepted'], audience: 'members', answer: guestList, render: renderGuestList }),
  capability({ intent: 'domain.list', title: 'Domains and federation', examples: ['which domains are federated?', 'list our domains', 'is contoso.com verified?'], audience: 'members', answer: domainList, render: renderDomainList }),
  capability({ intent: 'app.lookup', title: 'Is an app registered?', examples: ['is Salesforce registered?', 'app Dropbox', 'is Dropbox an approved app?', 'app 00000003-0000-0000-c000-000000000000'], audience: 'members', answer: appLookup, render: renderAppLookup }),
  capability({ intent: 'app.credentials', title: 'App secrets and certificates that expire', examples: ['which app secrets expire in 30 days?', 'expired certificates', 'secrets expiring this week'], audience: 'private', growsWithTenant: 'Graph cannot filter on passwordCredentials/keyCredentials, so every app registration and enterprise app is read, 999 per page.', answer: appCredentials, render: renderAppCredentials }),
  capability({ intent: 'app.permissions', title: 'What apps may do with our data', examples: ['which apps can read our mail?', 'risky app permissions', 'what has been consented for Dropbox?'], audience: 'private', growsWithTenant: 'Graph cannot filter consent grants by permission, and per-person grants number people × apps: they are read 999 per page (bounded at 10,000).', answer: appPermissions, render: renderAppPermissions }),
  capability({ intent: 'license.summary', title: 'Licenses: how many are left', examples: ['how many E3 licenses are left?', 'what licenses do we have?', 'licenses'], audience: 'members', answer: licenseSummary, render: renderLicenseSummary }),
  capability({ intent: 'license.holders', title: 'Who has a license', examples: ['who has E5?', 'who has a Visio license?', 'does Megan have E5?'], audience: 'private', answer: licenseHolders, render: renderLicenseHolders }),
  capability({ intent: 'role.members', title: 'Who holds an admin role', examples: ['who are the global admins?', 'who has the User Administrator role?', 'list admins'], audience: 'members', answer: roleMembers, render: renderRoleMembers }),
  capability({ intent: 'triage', title: "Why someone can't sign in or open an app", examples: ["I can't sign in", "Lee Gu can't open SharePoint", 'Outlook keeps asking for my password', "Johanna can't open Salesforce"], audience: 'private', answer: triage, render: renderTriage }),
  capability({ intent: 'ticket.list', title: 'Helpdesk tickets', examples: ['open tickets', 'my tickets', 'unassigned tickets'], audience: 'private', answer: ticketsOutsideTeams, render: renderTicketList }),
];

export function capabilities(): readonly Capability[] {
  return CAPABILITIES;
}

export function capabilityFor(intent: Intent): Capability | undefined {
  return CAPABILITIES.find((c) => c.intent === intent);
}
