// The delegated Microsoft Graph permissions Tenant Desk asks for, each with the questions that
// need it. All are requested in one OBO exchange, so a person needs one token per token lifetime.
// Graph still decides per request what the person may read: a permission here is a ceiling for
// the app, not a grant to the user (an employee's token with Directory.Read.All cannot read
// what their directory role does not allow).
import type { Intent } from '../language/intents.ts';

export interface ScopeUse {
  scope: string;
  intents: Intent[];
  why: string;
}

export const GRAPH_SCOPES: readonly ScopeUse[] = [
  { scope: 'User.Read', intents: ['help'], why: 'sign-in; the asker\'s own profile (/me)' },
  { scope: 'User.Read.All', intents: ['sync.users', 'sync.errors', 'user.lookup', 'guest.list', 'license.holders', 'tenant.overview', 'triage'], why: 'users with their on-premises sync properties, licenses assigned and account state (User.ReadBasic.All does not cover onPremises* properties)' },
  { scope: 'GroupMember.Read.All', intents: ['user.groups', 'group.members'], why: 'group memberships and group members' },
  { scope: 'Application.Read.All', intents: ['app.lookup', 'app.credentials', 'app.permissions', 'triage'], why: 'app registrations, enterprise apps, owners, credentials, app role assignments' },
  { scope: 'Directory.Read.All', intents: ['app.permissions'], why: 'delegated consent grants (oauth2PermissionGrants has no narrower permission)' },
  { scope: 'LicenseAssignment.Read.All', intents: ['license.summary', 'license.holders', 'user.lookup', 'triage'], why: 'subscribed SKUs and a user\'s license details' },
  { scope: 'RoleManagement.Read.Directory', intents: ['role.members'], why: 'directory roles and their active assignments' },
  { scope: 'Domain.Read.All', intents: ['domain.list', 'tenant.overview'], why: 'domains and their authentication type' },
  { scope: 'OnPremDirectorySynchronization.Read.All', intents: ['sync.status'], why: 'whether password hash sync and writeback are on (readable by Global Administrators only)' },
  { scope: 'AuditLog.Read.All', intents: ['triage'], why: 'a user\'s last sign-in (signInActivity), where the asker\'s role allows it' },
];

/** The scopes to request in the OBO exchange (MSAL adds openid, profile and offline_access). */
// Bare names mean Microsoft Graph to Entra ID, as in the Entra docs' examples.
export const REQUESTED_SCOPES: readonly string[] = GRAPH_SCOPES.map((s) => s.scope);
