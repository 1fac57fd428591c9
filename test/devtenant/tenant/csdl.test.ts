import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGraphObject, knownGraphTypes } from '../../support/csdl.ts';
import { parseCsdl, subsetCsdl } from '../../../devtenant/tenant/csdl.ts';
import { sampleTenantDir } from '../../../devtenant/tenant/load.ts';
import { generateTenant } from '../../../devtenant/tenant/generate.ts';
import { COLLECTIONS, type TenantData } from '../../../devtenant/tenant/types.ts';

/** Graph v1.0 type of the objects in each collection file. */
const TYPE_OF: Record<(typeof COLLECTIONS)[number], string> = {
  organization: 'organization',
  users: 'user',
  groups: 'group',
  applications: 'application',
  servicePrincipals: 'servicePrincipal',
  subscribedSkus: 'subscribedSku',
  domains: 'domain',
  directoryRoles: 'directoryRole',
  oauth2PermissionGrants: 'oAuth2PermissionGrant',
  appRoleAssignments: 'appRoleAssignment',
  onPremisesSynchronization: 'onPremisesDirectorySynchronization',
};

/** The one property outside v1.0 that the sample carries: Graph has it only under /beta. */
const BETA_ONLY = 'organization.json: organization[0].onPremisesLastPasswordSyncDateTime: not a property of microsoft.graph.organization';

function problemsIn(data: Pick<TenantData, (typeof COLLECTIONS)[number] | 'authorizationPolicy'>): string[] {
  const problems: string[] = [];
  for (const c of COLLECTIONS) problems.push(...checkGraphObject(TYPE_OF[c], data[c]).map((p) => `${c}.json: ${p}`));
  if (data.authorizationPolicy) problems.push(...checkGraphObject('authorizationPolicy', data.authorizationPolicy));
  return problems;
}

describe('checkGraphObject', () => {
  it('accepts real properties, nested complex types and @odata annotations', () => {
    const user = {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users/$entity',
      id: '1',
      displayName: 'A',
      assignedLicenses: [{ disabledPlans: [], skuId: 'x' }],
      signInActivity: { lastSignInDateTime: '2024-01-01T00:00:00Z' },
      'memberOf@odata.nextLink': 'https://graph.microsoft.com/v1.0/…',
      manager: { '@odata.type': '#microsoft.graph.user', id: '2', jobTitle: 'Boss' },
    };
    expect(checkGraphObject('user', user)).toEqual([]);
    expect(checkGraphObject('#microsoft.graph.user', user)).toEqual([]);
  });

  it('names made-up properties, also inside complex values and collections', () => {
    expect(checkGraphObject('user', { id: '1', passwordExpiryDate: 'x' })).toEqual(['user.passwordExpiryDate: not a property of microsoft.graph.user']);
    expect(checkGraphObject('user', { id: '1', assignedLicenses: [{ skuId: 'x', servicePlans: [] }] })).toEqual([
      'user.assignedLicenses[0].servicePlans: not a property of microsoft.graph.assignedLicense',
    ]);
    expect(checkGraphObject('subscribedSku', [{ id: 'a', prepaidUnits: { enabled: 1, available: 3 } }])).toEqual([
      'subscribedSku[0].prepaidUnits.available: not a property of microsoft.graph.licenseUnitsDetail',
    ]);
  });

  it('follows @odata.type casts and expanded navigation properties', () => {
    // memberOf holds directoryObjects; a cast to group allows group properties and nothing else.
    expect(checkGraphObject('user', { id: '1', memberOf: [{ '@odata.type': '#microsoft.graph.group', id: 'g', groupTypes: [] }] })).toEqual([]);
    expect(checkGraphObject('user', { id: '1', memberOf: [{ '@odata.type': '#microsoft.graph.group', id: 'g', jobTitle: 'x' }] })).toEqual([
      'user.memberOf[0].jobTitle: not a property of microsoft.graph.group',
    ]);
    expect(checkGraphObject('user', { id: '1', manager: { '@odata.type': '#microsoft.graph.domain', id: 'd' } })[0]).toMatch(/does not derive from directoryObject/);
  });

  it('reports shape errors: an object where a collection belongs, and unknown types', () => {
    expect(checkGraphObject('user', { id: '1', proxyAddresses: 'SMTP:a@b' })).toEqual(['user.proxyAddresses: expected an array (Collection(Edm.String))']);
    expect(checkGraphObject('user', { id: '1', signInActivity: 'yesterday' })).toEqual(['user.signInActivity: expected a signInActivity object']);
    expect(checkGraphObject('noSuchType', { id: '1' })[0]).toMatch(/not in csdl-types\.json/);
  });

  it('knows the types the dev tenant serves', () => {
    const types = knownGraphTypes();
    for (const t of Object.values(TYPE_OF)) expect(types).toContain(t);
    for (const t of ['authorizationPolicy', 'licenseDetails', 'unifiedRoleAssignment', 'internalDomainFederation', 'signIn']) expect(types).toContain(t);
  });
});

describe('parseCsdl', () => {
  const xml = `<?xml version="1.0"?><edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EnumType Name="color"><Member Name="red" Value="0" /></EnumType>
      <EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>
      <EntityType Name="thing" BaseType="graph.entity" OpenType="true">
        <Property Name="tags" Type="Collection(Edm.String)" Nullable="false"><Annotation Term="Org.OData.Core.V1.Description" String="x" /></Property>
        <Property Name="shape" Type="graph.shape" />
        <Property Name="color" Type="graph.color" />
        <NavigationProperty Name="owner" Type="graph.entity" />
      </EntityType>
      <ComplexType Name="shape"><Property Name="sides" Type="Edm.Int32" /></ComplexType>
      <ComplexType Name="square" BaseType="graph.shape" />
      <ComplexType Name="unused"><Property Name="x" Type="Edm.Int32" /></ComplexType>
    </Schema>
    <Schema Namespace="microsoft.graph.security" Alias="self" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="alert" BaseType="graph.entity"><Property Name="thing" Type="graph.thing" /><Property Name="self" Type="self.alert" /></EntityType>
    </Schema></edmx:DataServices></edmx:Edmx>`;

  it('reads types, base types, navigation and aliases of both schemas', () => {
    const table = parseCsdl(xml);
    expect(table.types.thing).toEqual({ kind: 'entity', base: 'entity', open: true, properties: { tags: 'Collection(Edm.String)', shape: 'shape', color: 'color' }, navigation: { owner: 'entity' } });
    expect(table.types['security.alert']!.properties).toEqual({ thing: 'thing', self: 'security.alert' });
    expect(table.types.square).toEqual({ kind: 'complex', base: 'shape', properties: {} });
    expect(table.enums).toEqual(['color']);
  });

  it('keeps what the roots need, including derived complex types, and nothing else', () => {
    const subset = subsetCsdl(parseCsdl(xml), ['thing']);
    expect(Object.keys(subset.types)).toEqual(['entity', 'shape', 'square', 'thing']);
    expect(subset.enums).toEqual(['color']);
  });
});

describe('tenant data uses only Graph v1.0 property names', () => {
  it('every shipped fixture file (one beta-only exception)', () => {
    const read = (name: string): unknown => JSON.parse(readFileSync(join(sampleTenantDir, `${name}.json`), 'utf8'));
    const data = Object.fromEntries([...COLLECTIONS.map((c) => [c, read(c)]), ['authorizationPolicy', read('authorizationPolicy')]]) as unknown as TenantData;
    expect(problemsIn(data)).toEqual([BETA_ONLY]);
  });

  it("the generator's output", () => {
    expect(problemsIn(generateTenant({ users: 600, apps: 40, seed: 3, now: new Date('2025-03-01T09:00:00Z') }))).toEqual([]);
  });
});
