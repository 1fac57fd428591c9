// users/{id}/appRoleAssignments includes what the user's direct groups were assigned (Graph docs,
// user-list-approleassignments); servicePrincipals/{id}/appRoleAssignedTo lists direct principals only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevTenant, type DevTenant } from '../../../devtenant/index.ts';
import { actAs } from '../../support/graph-as.ts';

let dt: DevTenant;
beforeAll(async () => {
  dt = await startDevTenant({ tenant: 'contoso', keysDir: false });
});
afterAll(async () => dt?.close());

describe('app role assignments through groups', () => {
  it('are listed for a member of an assigned group, and not on the app side', async () => {
    const groupAssignment = dt.tenant.data.appRoleAssignments.find((a) => a.principalType === 'Group')!;
    expect(groupAssignment).toBeDefined();
    const memberId = (dt.tenant.data.relationships.members[String(groupAssignment.principalId)] ?? []).find((id) => dt.tenant.typeOf(id) === '#microsoft.graph.user')!;
    const member = dt.tenant.byId.get(memberId)!;
    const patti = await actAs(dt, 'patti@contoso.com');
    const mine = await patti.graph.get<{ value: { principalId: string; resourceId: string }[] }>(`/users/${memberId}/appRoleAssignments`);
    expect(mine.value.some((a) => a.principalId === groupAssignment.principalId && a.resourceId === groupAssignment.resourceId), String(member.userPrincipalName)).toBe(true);
    const appSide = await patti.graph.get<{ value: { principalId: string }[] }>(`/servicePrincipals/${String(groupAssignment.resourceId)}/appRoleAssignedTo`);
    expect(appSide.value.some((a) => a.principalId === memberId)).toBe(false);
  });
});
