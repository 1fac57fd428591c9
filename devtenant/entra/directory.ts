// What Entra looks up in the directory to answer a token request: which tenant a path names, who a
// user is, which application a client id belongs to, and the service principals behind consent.
import type { GraphObject, Tenant } from '../tenant/types.ts';
import { BOT_FRAMEWORK_TENANT, BOT_FRAMEWORK_TENANT_ID, GRAPH_APP_ID, MULTI_TENANT_ALIASES } from './well-known.ts';

export type TenantMatch = { kind: 'home' | 'multi' | 'botframework'; segment: string };

function verifiedDomains(tenant: Tenant): string[] {
  const names = new Set<string>();
  const org = tenant.data.organization[0] as { verifiedDomains?: { name?: string }[] } | undefined;
  for (const d of org?.verifiedDomains ?? []) if (d.name) names.add(d.name.toLowerCase());
  for (const d of tenant.data.domains) if (d.isVerified !== false) names.add(d.id.toLowerCase());
  return [...names];
}

/** The tenant a URL path segment names: the tenant id, one of its verified domains, common/organizations, or botframework.com. */
export function resolveTenant(tenant: Tenant, segment: string): TenantMatch | undefined {
  const s = decodeURIComponent(segment).toLowerCase();
  if (s === tenant.tenantId.toLowerCase() || verifiedDomains(tenant).includes(s)) return { kind: 'home', segment };
  if (MULTI_TENANT_ALIASES.includes(s)) return { kind: 'multi', segment };
  if (s === BOT_FRAMEWORK_TENANT || s === BOT_FRAMEWORK_TENANT_ID) return { kind: 'botframework', segment };
  return undefined;
}

export function tenantDisplayName(tenant: Tenant): string {
  return String(tenant.data.organization[0]?.displayName ?? tenant.tenantId);
}

export function isUser(tenant: Tenant, id: string): boolean {
  return tenant.typeOf(id) === '#microsoft.graph.user';
}

/** A user by object id, UPN or mail (case-insensitive). */
export function findUser(tenant: Tenant, ref: string): GraphObject | undefined {
  const key = ref.trim().toLowerCase();
  const byId = tenant.byId.get(key) ?? tenant.byId.get(ref.trim());
  if (byId && isUser(tenant, byId.id)) return byId;
  const byUpn = tenant.userByUpn.get(key);
  if (byUpn) return byUpn;
  return tenant.data.users.find((u) => typeof u.mail === 'string' && u.mail.toLowerCase() === key);
}

export function findApplication(tenant: Tenant, clientId: string): GraphObject | undefined {
  return tenant.applicationByAppId.get(clientId) ?? tenant.applicationByAppId.get(clientId.toLowerCase());
}

export function servicePrincipalOf(tenant: Tenant, appId: string): GraphObject | undefined {
  return tenant.servicePrincipalByAppId.get(appId);
}

export function graphServicePrincipal(tenant: Tenant): GraphObject | undefined {
  return tenant.servicePrincipalByAppId.get(GRAPH_APP_ID);
}

/** The app ID URIs an assertion may be addressed to for this client (plus the client id itself). */
export function acceptedAudiences(app: GraphObject | undefined, clientId: string): string[] {
  const uris = Array.isArray(app?.identifierUris) ? (app.identifierUris as string[]) : [];
  return [clientId, ...uris];
}

/** The display name of an application, as AADSTS messages quote it. */
export function appName(tenant: Tenant, clientId: string): string {
  const app = findApplication(tenant, clientId) ?? servicePrincipalOf(tenant, clientId);
  return String(app?.displayName ?? clientId);
}

interface PermissionScope {
  id?: string;
  value?: string;
  type?: string;
  adminConsentDisplayName?: string;
  adminConsentDescription?: string;
  userConsentDisplayName?: string;
  userConsentDescription?: string;
}

/** The delegated permissions a resource service principal publishes (Graph's oauth2PermissionScopes). */
export function publishedScopes(sp: GraphObject | undefined): PermissionScope[] {
  return Array.isArray(sp?.oauth2PermissionScopes) ? (sp.oauth2PermissionScopes as PermissionScope[]) : [];
}

/** The value of an app role (e.g. `User.Read.All`) by its id on the resource service principal. */
export function appRoleValue(sp: GraphObject | undefined, appRoleId: string): string | undefined {
  const roles = Array.isArray(sp?.appRoles) ? (sp.appRoles as { id?: string; value?: string }[]) : [];
  return roles.find((r) => r.id === appRoleId)?.value;
}
