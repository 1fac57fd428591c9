// Consent as Entra records it: oauth2PermissionGrants (delegated permissions, for everyone or for
// one user) and appRoleAssignments (app roles held by users, groups or service principals).
//
// Entra's ids for these are not random GUIDs: a grant's id is the base64url of the client's and the
// resource's object ids (plus the user's, for a per-user grant), each in .NET byte order; an
// assignment's id starts with the principal's object id the same way. Building them that way keeps
// the sample's ids looking like a real export's.
import type { GraphObject } from './types.ts';
import { guidBytes, type Random } from './random.ts';
import { iso } from './time.ts';

function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

export function grantId(clientId: string, resourceId: string, principalId?: string | null): string {
  const parts = [guidBytes(clientId), guidBytes(resourceId), ...(principalId ? [guidBytes(principalId)] : [])];
  const bytes = new Uint8Array(parts.length * 16);
  parts.forEach((p, i) => bytes.set(p, i * 16));
  return base64url(bytes);
}

/** Admin consent on behalf of the whole organisation. */
export function allPrincipalsGrant(clientId: string, resourceId: string, scope: string): GraphObject {
  return { id: grantId(clientId, resourceId), clientId, consentType: 'AllPrincipals', principalId: null, resourceId, scope };
}

/** One user's own consent. */
export function principalGrant(clientId: string, resourceId: string, principalId: string, scope: string): GraphObject {
  return { id: grantId(clientId, resourceId, principalId), clientId, consentType: 'Principal', principalId, resourceId, scope };
}

export const DEFAULT_ACCESS_ROLE_ID = '00000000-0000-0000-0000-000000000000';

export interface AssignmentSpec {
  principal: GraphObject;
  principalType: 'User' | 'Group' | 'ServicePrincipal';
  resource: GraphObject;
  /** The resource's app role; the default-access role when the app defines none. */
  appRoleId?: string;
  createdMs: number;
}

export function appRoleAssignment(a: AssignmentSpec, rng: Random): GraphObject {
  const bytes = new Uint8Array(32);
  bytes.set(guidBytes(a.principal.id), 0);
  bytes.set(rng.bytes(16), 16);
  return {
    id: base64url(bytes),
    deletedDateTime: null,
    appRoleId: a.appRoleId ?? DEFAULT_ACCESS_ROLE_ID,
    createdDateTime: iso(a.createdMs),
    principalDisplayName: a.principal.displayName as string,
    principalId: a.principal.id,
    principalType: a.principalType,
    resourceDisplayName: a.resource.displayName as string,
    resourceId: a.resource.id,
  };
}
