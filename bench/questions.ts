// One representative question per intent the benchmarks measure (asked by a Global Administrator,
// so every part is readable). Names are filled in from the tenant being measured.
import type { Tenant } from '../devtenant/tenant/types.ts';

export interface BenchQuestion {
  intent: string;
  text: string;
}

export function benchQuestions(tenant: Tenant): BenchQuestion[] {
  const users = tenant.data.users;
  const person = users.find((u) => u.userType === 'Member' && u.onPremisesSyncEnabled === true && typeof u.userPrincipalName === 'string')!;
  const group = tenant.data.groups.find((g) => Array.isArray(g.groupTypes) && (g.groupTypes as string[]).includes('Unified')) ?? tenant.data.groups[0]!;
  const app = tenant.data.applications.find((a) => a.displayName !== 'Tenant Desk') ?? tenant.data.applications[0]!;
  return [
    { intent: 'tenant.overview', text: 'what is our tenant?' },
    { intent: 'sync.status', text: 'sync status' },
    { intent: 'sync.users', text: 'who is synced?' },
    { intent: 'sync.errors', text: 'who has provisioning errors?' },
    { intent: 'user.lookup', text: `user ${String(person.userPrincipalName)}` },
    { intent: 'user.groups', text: `what groups is ${String(person.userPrincipalName)} in?` },
    { intent: 'group.members', text: `who is in "${String(group.displayName)}"?` },
    { intent: 'app.lookup', text: `is "${String(app.displayName)}" registered?` },
    { intent: 'app.credentials', text: 'which app secrets expire in 30 days?' },
    { intent: 'app.permissions', text: 'which apps can read our mail?' },
    { intent: 'license.summary', text: 'what licenses do we have?' },
    { intent: 'license.holders', text: 'who has E5?' },
    { intent: 'role.members', text: 'who are the global admins?' },
    { intent: 'domain.list', text: 'which domains are federated?' },
    { intent: 'guest.list', text: 'how many guests do we have?' },
  ];
}

/** A Global Administrator who consented, in any tenant the generator made or in Contoso. */
export function adminOf(tenant: Tenant): string {
  if (tenant.userByUpn.has('patti@contoso.com')) return 'patti@contoso.com';
  const breakglass = tenant.data.users.find((u) => String(u.userPrincipalName).startsWith('breakglass@'));
  if (!breakglass) throw new Error('no Global Administrator to ask as');
  return String(breakglass.userPrincipalName);
}
