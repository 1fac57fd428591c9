// Delegated consent as Entra records it: oauth2PermissionGrants between a client's service principal
// and a resource's, for all users (AllPrincipals, admin consent) or for one user (Principal).
// Changes are made on the loaded tenant data, so the Graph emulator serves them too.
import { randomBytes } from 'node:crypto';
import type { GraphObject, Tenant } from '../tenant/types.ts';
import { splitScopes } from './scopes.ts';

export interface ConsentKey {
  /** Object id of the client's service principal. */
  clientSpId: string;
  /** Object id of the resource's service principal (Microsoft Graph's). */
  resourceSpId: string;
}

function grantsFor(tenant: Tenant, key: ConsentKey): GraphObject[] {
  return tenant.data.oauth2PermissionGrants.filter((g) => g.clientId === key.clientSpId && g.resourceId === key.resourceSpId);
}

/** Scopes the user may use through the client: admin consent plus the user's own. */
export function grantedScopes(tenant: Tenant, key: ConsentKey, userOid: string | undefined): string[] {
  const scopes = new Set<string>();
  for (const g of grantsFor(tenant, key)) {
    const applies = g.consentType === 'AllPrincipals' || (g.consentType === 'Principal' && userOid !== undefined && g.principalId === userOid);
    if (applies) for (const s of splitScopes(String(g.scope ?? ''))) scopes.add(s);
  }
  return [...scopes];
}

/** The requested scopes that are not granted (case-insensitive, as Entra compares permission names). */
export function missingScopes(requested: string[], granted: string[]): string[] {
  const have = new Set(granted.map((s) => s.toLowerCase()));
  return requested.filter((s) => !have.has(s.toLowerCase()));
}

const newGrantId = () => randomBytes(32).toString('base64url').slice(0, 43);

/** Adds scopes to the user's Principal grant (creating it), as the consent prompt does. */
export function grantUserConsent(tenant: Tenant, key: ConsentKey, userOid: string, scopes: string[]): GraphObject {
  const existing = grantsFor(tenant, key).find((g) => g.consentType === 'Principal' && g.principalId === userOid);
  const merged = [...new Set([...splitScopes(String(existing?.scope ?? '')), ...scopes])];
  if (existing) {
    existing.scope = merged.join(' ');
    return existing;
  }
  const grant: GraphObject = { id: newGrantId(), clientId: key.clientSpId, consentType: 'Principal', principalId: userOid, resourceId: key.resourceSpId, scope: merged.join(' ') };
  tenant.data.oauth2PermissionGrants.push(grant);
  return grant;
}

/** Removes matching items in place: other servers may hold a reference to the same array. */
function removeWhere(list: GraphObject[], pred: (g: GraphObject) => boolean): number {
  let removed = 0;
  for (let i = list.length - 1; i >= 0; i--) {
    if (pred(list[i]!)) {
      list.splice(i, 1);
      removed++;
    }
  }
  return removed;
}

/** Removes the user's own grants for the client; returns how many were removed. */
export function revokeUserConsent(tenant: Tenant, key: ConsentKey, userOid: string): number {
  return removeWhere(
    tenant.data.oauth2PermissionGrants,
    (g) => g.clientId === key.clientSpId && g.resourceId === key.resourceSpId && g.consentType === 'Principal' && g.principalId === userOid,
  );
}

/** Sets (scopes given) or removes (empty) the tenant-wide admin consent for the client. */
export function setAdminConsent(tenant: Tenant, key: ConsentKey, scopes: string[]): GraphObject | undefined {
  removeWhere(tenant.data.oauth2PermissionGrants, (g) => g.clientId === key.clientSpId && g.resourceId === key.resourceSpId && g.consentType === 'AllPrincipals');
  if (scopes.length === 0) return undefined;
  const grant: GraphObject = { id: newGrantId(), clientId: key.clientSpId, consentType: 'AllPrincipals', principalId: null, resourceId: key.resourceSpId, scope: scopes.join(' ') };
  tenant.data.oauth2PermissionGrants.push(grant);
  return grant;
}
