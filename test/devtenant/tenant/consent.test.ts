import { describe, expect, it } from 'vitest';
import { allPrincipalsGrant, appRoleAssignment, grantId, principalGrant } from '../../../devtenant/tenant/consent.ts';
import { Random, guidBytes, nameGuid } from '../../../devtenant/tenant/random.ts';

describe('consent ids are built the way Entra builds them', () => {
  // Grants listed by `az ad app permission list-grants` in Azure/azure-cli issue #20974.
  const client = 'b25985a8-9d2b-4fde-9fa7-6c4e43a8ddec';
  const resource = 'a3efc889-f1b7-4532-9e01-91e32d1039f4';

  it('an AllPrincipals grant: client and resource object ids', () => {
    expect(grantId(client, resource)).toBe('qIVZsiud3k-fp2xOQ6jd7InI76O38TJFngGR4y0QOfQ');
    expect(allPrincipalsGrant(client, resource, 'User.Read')).toEqual({ id: 'qIVZsiud3k-fp2xOQ6jd7InI76O38TJFngGR4y0QOfQ', clientId: client, consentType: 'AllPrincipals', principalId: null, resourceId: resource, scope: 'User.Read' });
  });

  it('a Principal grant: the user object id appended', () => {
    const user = '182c8534-f413-487c-91a3-7addc80e35d5';
    expect(grantId(client, resource, user)).toBe('qIVZsiud3k-fp2xOQ6jd7InI76O38TJFngGR4y0QOfQ0hSwYE_R8SJGjet3IDjXV');
    expect(principalGrant(client, resource, user, 'openid').consentType).toBe('Principal');
  });

  it('an app role assignment id starts with the principal id (Graph docs example principal cdb555e3-…)', () => {
    const principal = { id: 'cdb555e3-b33e-4fd5-a427-17fadacbdfa7', displayName: 'Megan' };
    const a = appRoleAssignment({ principal, principalType: 'User', resource: { id: nameGuid('r'), displayName: 'App' }, createdMs: Date.UTC(2024, 0, 1) }, new Random(1));
    expect(a.id).toMatch(/^41W1zT6z1U-kJxf62svfp/);
    expect(a.id).toHaveLength(43);
    expect(a).toMatchObject({ appRoleId: '00000000-0000-0000-0000-000000000000', principalId: principal.id, principalType: 'User', createdDateTime: '2024-01-01T00:00:00Z' });
  });

  it('guidBytes uses .NET byte order', () => {
    expect(Buffer.from(guidBytes('00112233-4455-6677-8899-aabbccddeeff')).toString('hex')).toBe('33221100554477668899aabbccddeeff');
  });
});
