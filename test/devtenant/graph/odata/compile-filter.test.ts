import { describe, expect, it } from 'vitest';
import { compileFilter } from '../../../../devtenant/graph/odata/compile-filter.ts';
import { parseFilter } from '../../../../devtenant/graph/odata/filter-parser.ts';
import { GraphFailure } from '../../../../devtenant/graph/wire.ts';

const users = [
  { id: '1', displayName: 'Alice Wong', accountEnabled: true, onPremisesSyncEnabled: true, createdDateTime: '2022-01-10T09:00:00Z', assignedLicenses: [{ skuId: '06ebc4ee-1bb5-47dd-8120-11324bc54e06', disabledPlans: [] }], proxyAddresses: ['SMTP:alice@contoso.com'], signInActivity: { lastSignInDateTime: '2026-04-20T10:00:00Z' }, userType: 'Member' },
  { id: '2', displayName: "Seán O'Brien", accountEnabled: false, onPremisesSyncEnabled: false, createdDateTime: '2024-01-10T09:00:00Z', assignedLicenses: [], proxyAddresses: [], userType: 'Member' },
  { id: '3', displayName: 'Gina Guest', accountEnabled: true, createdDateTime: '2025-06-01T09:00:00Z', userType: 'Guest', onPremisesProvisioningErrors: [{ category: 'PropertyConflict' }] },
];

function ids(filter: string): string[] {
  const f = compileFilter(parseFilter(filter), 'user');
  return users.filter((u) => f.test(u)).map((u) => u.id);
}

function refusal(filter: string, type: Parameters<typeof compileFilter>[1] = 'user'): GraphFailure {
  try {
    compileFilter(parseFilter(filter), type);
  } catch (err) {
    if (err instanceof GraphFailure) return err;
    throw err;
  }
  throw new Error(`expected ${filter} to be refused`);
}

describe('compileFilter: evaluation as the directory evaluates', () => {
  it('compares strings case-insensitively and handles null and absent values', () => {
    expect(ids("displayName eq 'alice wong'")).toEqual(['1']);
    expect(ids("displayName eq 'Seán O''Brien'")).toEqual(['2']);
    expect(ids('onPremisesSyncEnabled eq null')).toEqual(['3']);
    expect(ids('onPremisesSyncEnabled ne null')).toEqual(['1', '2']);
    expect(ids('onPremisesSyncEnabled ne true')).toEqual(['2', '3']);
    expect(ids("startswith(displayName,'G')")).toEqual(['3']);
    expect(ids("endswith(displayName,'WONG')")).toEqual(['1']);
  });

  it('compares dates as instants, GUIDs without quotes, booleans strictly', () => {
    expect(ids('createdDateTime ge 2024-01-01T00:00:00Z')).toEqual(['2', '3']);
    expect(ids('createdDateTime le 2024-01-10T11:00:00+02:00')).toEqual(['1', '2']);
    expect(ids('createdDateTime ge 2025-01-01')).toEqual(['3']);
    expect(ids('assignedLicenses/any(x:x/skuId eq 06EBC4EE-1BB5-47DD-8120-11324BC54E06)')).toEqual(['1']);
    expect(ids('accountEnabled eq false')).toEqual(['2']);
  });

  it('evaluates lambdas, counts, in, and/or/not', () => {
    expect(ids("proxyAddresses/any(p:p eq 'smtp:alice@contoso.com')")).toEqual(['1']);
    expect(ids('assignedLicenses/$count eq 0')).toEqual(['2', '3']);
    expect(ids('onPremisesProvisioningErrors/$count ne 0')).toEqual(['3']);
    expect(ids("onPremisesProvisioningErrors/any(o:o/category eq 'PropertyConflict')")).toEqual(['3']);
    expect(ids("userType in ('Guest','Nobody')")).toEqual(['3']);
    expect(ids("not(userType eq 'Guest') and accountEnabled eq true")).toEqual(['1']);
    expect(ids("userType eq 'Guest' or displayName eq 'Alice Wong'")).toEqual(['1', '3']);
    expect(ids("proxyAddresses/all(p:startswith(p,'SMTP:'))")).toEqual(['1', '2', '3']);
    expect(ids('signInActivity/lastSignInDateTime le 2026-05-01T00:00:00Z')).toEqual(['1']);
  });

  it('records each property and operator it uses (what the advanced-query rules judge)', () => {
    const f = compileFilter(parseFilter("assignedLicenses/any(a:a/skuId eq 06ebc4ee-1bb5-47dd-8120-11324bc54e06) and endswith(mail,'@x.com') and not(displayName eq null) and proxyAddresses/$count ne 0"), 'user');
    expect(f.uses).toEqual([
      { key: 'assignedLicenses/any/skuId', op: 'eq', property: 'assignedLicenses' },
      { key: 'mail', op: 'endsWith', property: 'mail' },
      { key: 'displayName', op: 'null', property: 'displayName' },
      { key: 'proxyAddresses/$count', op: 'ne', property: 'proxyAddresses' },
    ]);
    expect(f.usesNot).toBe(true);
  });

  it('resolves property names case-insensitively, as Graph does', () => {
    expect(ids('ACCOUNTENABLED eq false')).toEqual(['2']);
  });
});

describe('compileFilter: refusals with Graph messages', () => {
  it('refuses unknown properties', () => {
    const e = refusal("nickname eq 'x'");
    expect([e.status, e.code, e.message]).toEqual([400, 'BadRequest', "Invalid filter clause: Could not find a property named 'nickname' on type 'microsoft.graph.user'."]);
    expect(refusal("assignedLicenses/any(a:a/sku eq 'x')").message).toContain("Could not find a property named 'sku' on type 'microsoft.graph.assignedLicense'");
  });

  it('refuses literals of the wrong type (booleans and GUIDs are unquoted)', () => {
    expect(refusal("accountEnabled eq 'true'").message).toBe(
      "Invalid filter clause: A binary operator with incompatible types was detected. Found operand types 'Edm.Boolean' and 'Edm.String' for operator kind 'Equal'.",
    );
    expect(refusal("assignedLicenses/any(a:a/skuId eq '06ebc4ee-1bb5-47dd-8120-11324bc54e06')").message).toContain("'Edm.Guid' and 'Edm.String'");
    expect(refusal('displayName eq 06ebc4ee-1bb5-47dd-8120-11324bc54e06').message).toContain("'Edm.String' and 'Edm.Guid'");
    expect(refusal("createdDateTime ge '2021-01-01'").message).toContain("'Edm.DateTimeOffset' and 'Edm.String'");
  });

  it('refuses comparisons on collections, property-vs-property and functions on non-strings', () => {
    expect(refusal("proxyAddresses eq 'x'").message).toContain('is not a single value');
    expect(refusal('displayName eq mail').message).toContain('must be a literal');
    expect(refusal("startswith(accountEnabled,'t')").message).toContain("No function signature for the function with name 'startswith'");
    expect(refusal("assignedLicenses/any(a:accountEnabled eq true)").message).toContain("must refer to its range variable 'a'");
    expect(refusal('displayName').code).toBe('BadRequest');
    expect(refusal('accountEnabled').code).toBe('Request_UnsupportedQuery');
  });
});
