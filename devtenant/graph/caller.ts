// Who is calling: the access token checked as Graph checks it (signature by the Entra emulator's
// keys, audience, tenant, lifetime), then the facts permission decisions need — granted scopes or
// app roles, the signed-in user, the directory roles they hold, guest or restricted.
import { verifyJwt, type SigningKey } from '../shared/jwt.ts';
import type { GraphObject, Tenant } from '../tenant/types.ts';
import { PERMISSIONS, TYPE_READ, type Operation, type Requirement } from './permissions.ts';
import { fail } from './wire.ts';

export interface Caller {
  kind: 'delegated' | 'app';
  /** The user's object id (delegated) or the client's service principal id (app-only). */
  oid: string;
  appId?: string;
  /** Lower-cased scp entries (delegated) or roles (app-only). */
  permissions: Set<string>;
  /** The signed-in user, when delegated and the user exists in the tenant. */
  user?: GraphObject;
  /** Template ids of the directory roles the user holds (directly or through role-assignable groups). */
  roles: Set<string>;
  guest: boolean;
  /** allowedToReadOtherUsers=false applies to this user (devtenant.json restrictedUsers). */
  restricted: boolean;
}

const AUDIENCES = new Set(['https://graph.microsoft.com', 'https://graph.microsoft.com/', '00000003-0000-0000-c000-000000000000']);

export function authenticate(authorization: string | undefined, tenant: Tenant, keys: SigningKey[], now: Date): Caller {
  if (!authorization || authorization.trim() === '' || /^bearer\s*$/i.test(authorization.trim())) throw fail.token('Access token is empty.');
  const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!m) throw fail.token('CompactToken parsing failed with error code: 80049217');
  const result = verifyJwt(m[1]!, keys, Math.floor(now.getTime() / 1000));
  if (!result.ok) {
    switch (result.reason) {
      case 'malformed':
        throw fail.token('CompactToken parsing failed with error code: 80049217');
      case 'expired':
        throw fail.token('Lifetime validation failed, the token is expired.');
      case 'not_yet_valid':
        throw fail.token('Lifetime validation failed, the token is not yet valid.');
      default:
        throw fail.token('Access token validation failure. Invalid signature.');
    }
  }
  const claims = result.claims;
  const aud = claims.aud;
  if (typeof aud !== 'string' || !AUDIENCES.has(aud)) throw fail.token('Access token validation failure. Invalid audience.');
  if (claims.tid !== tenant.tenantId) throw fail.token('Access token validation failure. Invalid issuer.');
  const oid = typeof claims.oid === 'string' ? claims.oid : '';
  const appId = typeof claims.appid === 'string' ? claims.appid : typeof claims.azp === 'string' ? claims.azp : undefined;
  const scp = typeof claims.scp === 'string' ? claims.scp : undefined;
  // Entra leaves `roles` out of an app-only token when the app holds no application permission:
  // such a token is valid and simply allowed nothing.
  const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [];
  const caller: Caller = {
    kind: scp !== undefined ? 'delegated' : 'app',
    oid,
    permissions: new Set((scp !== undefined ? scp.split(' ') : roles).filter(Boolean).map((s) => s.toLowerCase())),
    roles: new Set(),
    guest: false,
    restricted: false,
  };
  if (appId) caller.appId = appId;
  if (caller.kind === 'delegated') {
    const user = tenant.byId.get(oid);
    if (user && tenant.typeOf(oid) === '#microsoft.graph.user') {
      caller.user = user;
      caller.guest = user.userType === 'Guest';
      caller.restricted = tenant.data.settings.restrictedUsers.includes(oid) || tenant.data.settings.restrictedUsers.some((u) => u.toLowerCase() === String(user.userPrincipalName ?? '').toLowerCase());
      caller.roles = heldRoles(tenant, oid);
    }
  }
  return caller;
}

/** Role template ids held through direct membership or through (nested) role-assignable groups. */
export function heldRoles(tenant: Tenant, principalId: string): Set<string> {
  const roles = new Set<string>();
  const seen = new Set<string>([principalId]);
  const queue = [principalId];
  while (queue.length) {
    const id = queue.shift()!;
    for (const container of tenant.memberOf.get(id) ?? []) {
      if (seen.has(container)) continue;
      seen.add(container);
      const type = tenant.typeOf(container);
      if (type === '#microsoft.graph.directoryRole') {
        const t = tenant.byId.get(container)?.roleTemplateId;
        if (typeof t === 'string') roles.add(t.toLowerCase());
      } else if (type === '#microsoft.graph.group') queue.push(container);
    }
  }
  return roles;
}

export function meets(caller: Caller, req: Requirement): boolean {
  const list = caller.kind === 'delegated' ? req.delegated : req.application;
  if (!list.some((p) => caller.permissions.has(p.toLowerCase()))) return false;
  if (caller.kind === 'delegated' && req.roles && !req.roles.some((r) => caller.roles.has(r))) return false;
  return true;
}

export function allowed(caller: Caller, op: Operation): boolean {
  return meets(caller, PERMISSIONS[op]);
}

/** 403 Authorization_RequestDenied unless the caller meets the operation's requirement. */
export function demand(caller: Caller, op: Operation): void {
  if (!allowed(caller, op)) throw fail.denied();
}

export function canReadType(caller: Caller, odataType: string): boolean {
  const req = TYPE_READ[odataType.replace('#microsoft.graph.', '')];
  return req ? meets(caller, req) : false;
}

/** True when the object is the signed-in user. */
export function isSelf(caller: Caller, id: string): boolean {
  return caller.kind === 'delegated' && caller.oid !== '' && caller.oid === id;
}

/** Reading another user's object: guests may look users up, restricted members may not. */
export function demandOtherUser(caller: Caller): void {
  if (caller.kind === 'delegated' && caller.restricted) throw fail.denied();
}
