// Reading the `scope` parameter as Entra does: OIDC scopes apart, one resource per request, Graph
// permissions by their bare names (`User.Read`) or fully qualified (`https://graph.microsoft.com/User.Read`).
import type { GraphObject, Tenant } from '../tenant/types.ts';
import { AadFailure } from './errors.ts';
import { graphServicePrincipal, publishedScopes } from './directory.ts';
import { BOT_FRAMEWORK_RESOURCE, GRAPH_APP_ID, GRAPH_RESOURCE, OIDC_SCOPES } from './well-known.ts';

export type ResourceKind = 'graph' | 'botframework';

export interface RequestedScopes {
  /** openid, profile, offline_access, email as requested. */
  oidc: string[];
  resource: ResourceKind | undefined;
  /** Permission names on the resource, canonical casing, without the resource prefix. */
  permissions: string[];
  /** True for `{resource}/.default`. */
  isDefault: boolean;
}

export function splitScopes(value: string | null | undefined): string[] {
  return [...new Set((value ?? '').split(/\s+/).filter(Boolean))];
}

const GRAPH_PREFIXES = [GRAPH_RESOURCE, 'https://graph.microsoft.com/', GRAPH_APP_ID, 'https://canary.graph.microsoft.com'];

function resourceOf(scope: string): { kind: ResourceKind; name: string } | { unknown: string } {
  const slash = scope.lastIndexOf('/');
  if (slash < 0) return { kind: 'graph', name: scope };
  const prefix = scope.slice(0, slash).replace(/\/+$/, '');
  const name = scope.slice(slash + 1);
  if (GRAPH_PREFIXES.some((p) => p.replace(/\/+$/, '').toLowerCase() === prefix.toLowerCase())) return { kind: 'graph', name };
  if (prefix.toLowerCase() === BOT_FRAMEWORK_RESOURCE) return { kind: 'botframework', name };
  return { unknown: prefix };
}

function canonical(sp: GraphObject | undefined, name: string): string {
  const published = publishedScopes(sp);
  if (published.length === 0) return name;
  const hit = published.find((s) => s.value?.toLowerCase() === name.toLowerCase());
  if (!hit?.value) throw new AadFailure(400, 'invalid_scope', 70011, `The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope ${name} is not valid.`);
  return hit.value;
}

/** Parses `scope`; throws the AAD failure Entra gives for unknown resources or mixed resources. */
export function readScopes(tenant: Tenant, scope: string, tenantName: string): RequestedScopes {
  const oidc: string[] = [];
  const permissions: string[] = [];
  let resource: ResourceKind | undefined;
  let isDefault = false;
  for (const s of splitScopes(scope)) {
    if (OIDC_SCOPES.includes(s.toLowerCase())) {
      oidc.push(s.toLowerCase());
      continue;
    }
    const r = resourceOf(s);
    if ('unknown' in r) {
      throw new AadFailure(400, 'invalid_resource', 500011, `The resource principal named ${r.unknown} was not found in the tenant named ${tenantName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`);
    }
    if (resource && resource !== r.kind) {
      throw new AadFailure(400, 'invalid_request', 28000, 'Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ' + scope + ' is not valid.');
    }
    resource = r.kind;
    if (r.name === '.default') isDefault = true;
    else if (r.kind === 'graph') permissions.push(canonical(graphServicePrincipal(tenant), r.name));
    else permissions.push(r.name);
  }
  return { oidc, resource, permissions: [...new Set(permissions)], isDefault };
}
