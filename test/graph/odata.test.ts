import { describe, expect, it } from 'vitest';
import { and, eq, guid, inList, literal, or, searchClause, startsWith, url, userPath } from '../../src/graph/odata.ts';

describe('OData building', () => {
  it('doubles single quotes in string literals', () => {
    expect(literal("O'Brien")).toBe("'O''Brien'");
    expect(eq('displayName', "x' or 1 eq 1 or displayName eq 'y")).toBe("displayName eq 'x'' or 1 eq 1 or displayName eq ''y'");
    expect(startsWith('displayName', "''")).toBe("startswith(displayName,'''''')");
  });

  it('refuses a GUID literal that is not a GUID', () => {
    expect(guid('06EBC4EE-1BB5-47DD-8120-11324BC54E06')).toBe('06ebc4ee-1bb5-47dd-8120-11324bc54e06');
    expect(() => guid('06ebc4ee) or (1 eq 1')).toThrow();
  });

  it('parenthesises combined clauses', () => {
    expect(and(eq('a', '1'), eq('b', '2'))).toBe("(a eq '1') and (b eq '2')");
    expect(or(eq('a', '1'))).toBe("a eq '1'");
    expect(inList('id', ["a'b", 'c'])).toBe("id in ('a''b','c')");
  });

  it('escapes quotes and backslashes in $search clauses', () => {
    expect(searchClause('displayName', 'say "hi" \\o/')).toBe('"displayName:say \\"hi\\" \\\\o/"');
  });

  it('percent-encodes every query value so &, #, % and = cannot split the query', () => {
    const u = url('/users', { filter: eq('displayName', 'A&B #1 50% =x'), select: ['id', 'displayName'], top: 5, count: true });
    expect(u).toBe("/users?$filter=displayName%20eq%20'A%26B%20%231%2050%25%20%3Dx'&$select=id%2CdisplayName&$count=true&$top=5");
    const decoded = new URLSearchParams(u.split('?')[1]!);
    expect(decoded.get('$filter')).toBe("displayName eq 'A&B #1 50% =x'");
  });

  it('encodes user keys, using key syntax for UPNs that start with $', () => {
    expect(userPath('adele@contoso.com')).toBe('/users/adele%40contoso.com');
    expect(userPath('bob_contoso.com#EXT#@contoso.onmicrosoft.com')).toBe('/users/bob_contoso.com%23EXT%23%40contoso.onmicrosoft.com');
    expect(userPath('$admin@contoso.com')).toBe("/users('%24admin%40contoso.com')");
    // ( ) ' * survive encodeURIComponent and would read as OData key syntax in a bare segment
    expect(userPath("o'brien(x)@contoso.com")).toBe("/users('o''brien(x)%40contoso.com')");
    expect(userPath('a/b@contoso.com')).toBe("/users('a%2Fb%40contoso.com')");
  });
});
