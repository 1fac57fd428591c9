// Graph decides what a person may read: token scopes AND the user's directory roles (permissions.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heldRoles } from '../../../devtenant/graph/caller.ts';
import { G, ROLE_TEMPLATE, S, U, rawRequest, startEmulator, type Emulator } from './fixture.ts';
import { refused, type Collection } from './support.ts';

let em: Emulator;
const DENIED = 'Insufficient privileges to complete the operation.';

beforeAll(async () => {
  em = await startEmulator();
});
afterAll(() => em.close());

const as = (oid: string, scp?: string) => em.client(em.token(oid, scp ? { scp } : {}));
const deny = (call: Promise<unknown>) => refused(call, 403, 'Authorization_RequestDenied', DENIED);

describe('who may read users', () => {
  it("gives a denial Graph's exact error body", async () => {
    const r = await rawRequest(em, '/v1.0/users', { headers: { Authorization: `Bearer ${em.token(U.guest)}`, 'client-request-id': 'c0ffee00-0000-4000-8000-000000000001' } });
    expect(r.status).toBe(403);
    expect(r.json()).toEqual({
      error: {
        code: 'Authorization_RequestDenied',
        message: DENIED,
        innerError: { date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/), 'request-id': r.headers['request-id'], 'client-request-id': 'c0ffee00-0000-4000-8000-000000000001' },
      },
    });
  });

  it('guests cannot list users but can read themselves and look a user up', async () => {
    const guest = as(U.guest);
    await deny(guest.api('/users').get());
    await deny(guest.api('/users/$count').header('ConsistencyLevel', 'eventual').get());
    expect((await guest.api('/me').get()).id).toBe(U.guest);
    expect((await guest.api(`/users/${U.alice}`).get()).displayName).toBe('Alice Wong');
  });

  it('a member under allowedToReadOtherUsers=false reads only themselves', async () => {
    const dave = as(U.dave);
    await deny(dave.api('/users').get());
    await deny(dave.api(`/users/${U.alice}`).get());
    await deny(dave.api('/users/bob@contoso.com/memberOf').get());
    await deny(dave.api(`/groups/${G.sales}/members`).get());
    await deny(dave.api(`/groups/${G.sales}`).expand('members').get());
    await deny(dave.api(`/directoryRoles/${em.tenant.data.directoryRoles[0]!.id}/members`).get());
    expect((await dave.api('/me').select('id,assignedLicenses').get()).id).toBe(U.dave);
    expect((await dave.api(`/users/${U.dave}`).get()).id).toBe(U.dave);
    expect((await dave.api('/me/licenseDetails').get()).value).toHaveLength(1);
    const groups: Collection = await dave.api('/groups').get();
    expect(groups.value.length).toBe(4);
  });

  it('User.ReadBasic.All shows the basic profile only, and refuses non-basic properties by name', async () => {
    const basic = as(U.alice, 'User.ReadBasic.All');
    const r: Collection = await basic.api('/users').filter("userPrincipalName eq 'bob@contoso.com'").get();
    expect(r.value).toEqual([{ displayName: 'Bob Kelly', givenName: 'Bob', mail: 'bob@contoso.com', surname: 'Kelly', userPrincipalName: 'bob@contoso.com', id: U.bob }]);
    await deny(basic.api('/users').select('id,onPremisesSyncEnabled').get());
    await deny(basic.api('/users').filter('onPremisesSyncEnabled eq true').get());
    const full: Collection = await as(U.alice, 'User.Read.All').api('/users').select('id,onPremisesSyncEnabled').filter('onPremisesSyncEnabled eq true').get();
    expect(full.value).toHaveLength(3);
  });

  it('User.Read alone reads oneself only; memberships come back as ids without GroupMember.Read.All', async () => {
    const me = as(U.alice, 'User.Read');
    expect((await me.api('/me').select('id,onPremisesSyncEnabled').get()).onPremisesSyncEnabled).toBe(true);
    await deny(me.api('/users').get());
    const groups: Collection = await me.api('/me/memberOf').get();
    expect(groups.value).toEqual([{ '@odata.type': '#microsoft.graph.group', id: G.sales }]);
    expect((await me.api('/organization').get()).value).toHaveLength(1);
    for (const path of ['/groups', '/applications', '/servicePrincipals', '/subscribedSkus', '/domains', '/directoryRoles', '/roleManagement/directory/roleAssignments']) {
      await deny(me.api(path).get());
    }
  });

  it('lists members the caller cannot read with only @odata.type and id', async () => {
    const r: Collection = await as(U.alice, 'GroupMember.Read.All User.ReadBasic.All').api(`/groups/${G.sales}/members`).get();
    const sp = r.value.find((m) => m.id === S.hr);
    expect(sp).toEqual({ '@odata.type': '#microsoft.graph.servicePrincipal', id: S.hr });
    expect(r.value.find((m) => m.id === U.bob)).toMatchObject({ '@odata.type': '#microsoft.graph.user', displayName: 'Bob Kelly' });
    const withApps: Collection = await as(U.alice).api(`/groups/${G.sales}/members`).get();
    expect(withApps.value.find((m) => m.id === S.hr)).toMatchObject({ displayName: 'Contoso HR' });
  });
});

describe('role-gated data', () => {
  const select = 'id,displayName,signInActivity';

  it('signInActivity needs AuditLog.Read.All AND a reporting/security role, else the whole request is denied', async () => {
    await deny(as(U.alice).api('/users/bob@contoso.com').select(select).get());
    await deny(as(U.alice).api('/me').select(select).get());
    await deny(as(U.alice).api('/users').filter('signInActivity/lastSignInDateTime le 2026-05-01T00:00:00Z').get());
    await deny(as(U.carol).api('/users').select(select).get());
    const ga = await as(U.admin).api('/users/alice@contoso.com').select(select).get();
    expect(ga.signInActivity).toEqual({ lastSignInDateTime: '2026-04-20T10:00:00Z' });
    const gr: Collection = await as(U.reader).api('/users').filter('signInActivity/lastSignInDateTime le 2026-05-01T00:00:00Z').select(select).get();
    expect(gr.value.map((u) => u.displayName)).toEqual(['Alice Wong']);
    await deny(as(U.admin, 'User.Read.All Directory.Read.All').api('/users').select(select).get());
    await refused(as(U.admin).api('/users').filter("signInActivity/lastSignInDateTime le 2026-05-01T00:00:00Z and userType eq 'Member'").get(), 400, 'Request_UnsupportedQuery');
  });

  it('directory/onPremisesSynchronization is for Global Administrators with the scope, never app-only', async () => {
    await deny(as(U.alice).api('/directory/onPremisesSynchronization').get());
    await deny(as(U.reader).api('/directory/onPremisesSynchronization').get());
    await deny(as(U.admin, 'Directory.Read.All').api('/directory/onPremisesSynchronization').get());
    await deny(em.client(em.appToken(['OnPremDirectorySynchronization.Read.All', 'Directory.Read.All'])).api('/directory/onPremisesSynchronization').get());
    expect((await as(U.admin).api('/directory/onPremisesSynchronization').get()).value).toHaveLength(1);
  });

  it('oauth2PermissionGrants need Directory.Read.All and a listed role', async () => {
    await deny(as(U.alice).api('/oauth2PermissionGrants').get());
    await deny(as(U.alice).api(`/servicePrincipals/${S.bot}/oauth2PermissionGrants`).get());
    expect((await as(U.carol).api('/oauth2PermissionGrants').get()).value).toHaveLength(1);
    expect((await as(U.reader).api('/oauth2PermissionGrants').get()).value).toHaveLength(1);
    await deny(as(U.carol, 'User.Read.All Application.Read.All').api('/oauth2PermissionGrants').get());
  });

  it("another user's licenseDetails needs a license-reading role; one's own needs none", async () => {
    expect((await as(U.alice).api('/me/licenseDetails').get()).value[0].skuPartNumber).toBe('SPE_E3');
    await deny(as(U.alice).api('/users/bob@contoso.com/licenseDetails').get());
    expect((await as(U.carol).api('/users/bob@contoso.com/licenseDetails').get()).value[0].skuPartNumber).toBe('SPE_E5');
    expect((await as(U.reader).api(`/users/${U.bob}/licenseDetails`).get()).value).toHaveLength(1);
    await deny(as(U.carol, 'User.Read.All').api('/users/bob@contoso.com/licenseDetails').get());
  });

  it('counts roles held through role-assignable groups', () => {
    expect([...heldRoles(em.tenant, U.carol)].sort()).toEqual([ROLE_TEMPLATE.directoryReaders, ROLE_TEMPLATE.userAdmin].sort());
    expect([...heldRoles(em.tenant, U.alice)]).toEqual([]);
  });
});

describe('app-only tokens', () => {
  it('use application permissions from roles, without user-role limits', async () => {
    const app = em.client(em.appToken(['User.Read.All', 'AuditLog.Read.All']));
    const r: Collection = await app.api('/users').select('id,signInActivity').top(2).get();
    expect(r.value[0]).toHaveProperty('signInActivity');
    await refused(app.api('/me').get(), 400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
    await deny(app.api('/domains').get());
    expect((await em.client(em.appToken(['Domain.Read.All'])).api('/domains').get()).value).toHaveLength(2);
    // Entra omits `roles` when the app holds no application permission: valid token, nothing allowed.
    await deny(em.client(em.appToken([], { roles: undefined })).api('/organization').get());
  });
});
