// "Is the asker an admin?" — asked of the dev tenant's Graph as each person, compared with the
// directory roles the sample tenant gives them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevTenant, type DevTenant } from '../../devtenant/index.ts';
import { adminRoles, isAdminRole, MY_ROLES_URL } from '../../src/helpdesk/admin.ts';
import { actAs } from '../support/graph-as.ts';
import { roundTrips, str, user } from '../answers/facts.ts';

let dt: DevTenant;
beforeAll(async () => {
  dt = await startDevTenant({ tenant: 'contoso', keysDir: false });
});
afterAll(async () => dt?.close());

/** Role names the person holds directly or through groups, from the tenant's data. */
function held(upn: string): string[] {
  const seen = new Set<string>();
  const queue = [user(dt, upn).id];
  const roles: string[] = [];
  while (queue.length) {
    const id = queue.shift()!;
    for (const c of dt.tenant.memberOf.get(id) ?? []) {
      if (seen.has(c)) continue;
      seen.add(c);
      if (dt.tenant.typeOf(c) === '#microsoft.graph.directoryRole') roles.push(str(dt.tenant.byId.get(c)!.displayName));
      else queue.push(c);
    }
  }
  return roles;
}

describe('admin roles of the asker', () => {
  it.each(['patti@contoso.com', 'diego@contoso.com', 'megan@contoso.com', 'adele@contoso.com', 'joni@contoso.com', 'alex@contoso.com'])('%s: the admin roles Graph shows them, in one request', async (upn) => {
    const p = (await actAs(dt, upn)).fresh();
    const mark = dt.log.mark();
    const roles = await adminRoles(p.graph);
    expect(roles).toEqual([...new Set(held(upn).filter(isAdminRole))].sort());
    expect(roundTrips(dt, mark)).toBe(1);
  });

  it('Global Administrator and Helpdesk Administrator are admins; Global Reader and Directory Readers are not', () => {
    expect(isAdminRole('Global Administrator')).toBe(true);
    expect(isAdminRole('Helpdesk Administrator')).toBe(true);
    expect(isAdminRole('Global Reader')).toBe(false);
    expect(isAdminRole('Directory Readers')).toBe(false);
    expect(held('patti@contoso.com')).toContain('Global Administrator');
    expect(held('megan@contoso.com').filter(isAdminRole)).toEqual([]);
  });

  it('asks with a plain cast (no other query option, so no advanced query is needed)', () => {
    expect(MY_ROLES_URL).toBe('/me/transitiveMemberOf/microsoft.graph.directoryRole');
  });
});
