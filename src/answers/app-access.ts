// Folds what Graph returns about consent — delegated grants (oauth2PermissionGrants) and application
// permissions (appRoleAssignments) — into one row per client app: what it may do for everyone, what
// individual users let it do, and what it may do on its own. Plain data in, plain data out.
import { isRisky, wanted, type PermissionFilter } from './permission-filter.ts';
import type { Publisher } from './publisher.ts';

export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

export interface GrantedPermission {
  value: string;
  /** The API it is for; absent for Microsoft Graph. */
  resource?: string;
  risky: boolean;
}

export interface AppAccess {
  /** The client's service principal (enterprise app) object id. */
  clientId: string;
  appId?: string;
  name: string;
  publisher?: Publisher;
  /** Application permissions: the app acts on its own, with no user signed in. */
  application: GrantedPermission[];
  /** Delegated permissions an admin granted for every user (consentType AllPrincipals). */
  delegatedAll: GrantedPermission[];
  /** Delegated permissions individual users granted (consentType Principal): how many users, and the union. */
  delegatedUsers: { users: number; permissions: GrantedPermission[] };
  /** Distinct high-impact permissions among all of the above. */
  risky: number;
}

export interface GraphGrant {
  clientId: string;
  consentType?: string | null;
  principalId?: string | null;
  resourceId: string;
  scope?: string | null;
}

export interface GraphAssignment {
  principalId: string;
  principalType?: string | null;
  principalDisplayName?: string | null;
  resourceId: string;
  resourceDisplayName?: string | null;
  appRoleId: string;
}

export interface ClientInfo {
  appId?: string;
  name: string;
  publisher?: Publisher;
}

export interface Resources {
  /** Microsoft Graph's service principal id: its permissions carry no resource label. */
  graphId: string;
  /** Resource service principal id → display name. */
  names: Map<string, string>;
  /** Resource service principal id → (app role id → permission value). */
  roles: Map<string, Map<string, string>>;
}

/** The zero GUID is the "default access" role of an app without app roles: no permission at all. */
const DEFAULT_ACCESS = '00000000-0000-0000-0000-000000000000';

function permission(value: string, resourceId: string, res: Resources): GrantedPermission {
  const resource = resourceId === res.graphId ? undefined : (res.names.get(resourceId) ?? 'another API');
  return { value, ...(resource ? { resource } : {}), risky: isRisky(value) };
}

function uniq(list: GrantedPermission[]): GrantedPermission[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const k = `${p.resource ?? ''}|${p.value.toLowerCase()}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

const scopes = (g: GraphGrant) => (g.scope ?? '').split(' ').filter(Boolean);

/**
 * One row per client app with at least one permission the filter wants. Permissions outside the
 * filter are left out of the row, so "which apps can read our mail?" shows the mail permissions.
 */
export function foldAccess(grants: GraphGrant[], assignments: GraphAssignment[], res: Resources, filter: PermissionFilter, clients: Map<string, ClientInfo>): AppAccess[] {
  const rows = new Map<string, { application: GrantedPermission[]; all: GrantedPermission[]; users: Set<string>; user: GrantedPermission[]; fallbackName?: string }>();
  const row = (clientId: string) => {
    let r = rows.get(clientId);
    if (!r) rows.set(clientId, (r = { application: [], all: [], users: new Set(), user: [] }));
    return r;
  };
  for (const a of assignments) {
    // Users and groups assigned to an API are not apps holding permissions.
    if (a.principalType && a.principalType !== 'ServicePrincipal') continue;
    if (a.appRoleId === DEFAULT_ACCESS) continue;
    const value = res.roles.get(a.resourceId)?.get(a.appRoleId) ?? `app role ${a.appRoleId}`;
    if (!res.names.has(a.resourceId) && a.resourceDisplayName) res.names.set(a.resourceId, a.resourceDisplayName);
    if (!wanted(filter, value)) continue;
    const r = row(a.principalId);
    r.application.push(permission(value, a.resourceId, res));
    if (a.principalDisplayName) r.fallbackName = a.principalDisplayName;
  }
  for (const g of grants) {
    const values = scopes(g).filter((s) => wanted(filter, s));
    if (!values.length) continue;
    const r = row(g.clientId);
    const list = values.map((v) => permission(v, g.resourceId, res));
    if (g.consentType === 'AllPrincipals') r.all.push(...list);
    else {
      r.user.push(...list);
      if (g.principalId) r.users.add(g.principalId);
    }
  }
  const out: AppAccess[] = [];
  for (const [clientId, r] of rows) {
    const info = clients.get(clientId);
    const application = uniq(r.application);
    const delegatedAll = uniq(r.all);
    const userPerms = uniq(r.user);
    const risky = new Set([...application, ...delegatedAll, ...userPerms].filter((p) => p.risky).map((p) => `${p.resource ?? ''}|${p.value.toLowerCase()}`)).size;
    out.push({
      clientId,
      ...(info?.appId ? { appId: info.appId } : {}),
      name: info?.name ?? r.fallbackName ?? `App ${clientId}`,
      ...(info?.publisher ? { publisher: info.publisher } : {}),
      application,
      delegatedAll,
      delegatedUsers: { users: r.users.size, permissions: userPerms },
      risky,
    });
  }
  return out.sort((a, b) => b.risky - a.risky || a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
}
