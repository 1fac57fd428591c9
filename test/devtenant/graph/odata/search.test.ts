import { describe, expect, it } from 'vitest';
import { ODataSyntaxError } from '../../../../devtenant/graph/odata/ast.ts';
import { compileSearch, parseSearch, searchWords } from '../../../../devtenant/graph/odata/search.ts';

describe('$search', () => {
  it('parses quoted property:text clauses with AND, OR and parentheses (AND binds tighter)', () => {
    expect(parseSearch('"displayName:Contoso HR"')).toEqual({ kind: 'clause', property: 'displayName', text: 'Contoso HR' });
    expect(parseSearch('"displayName:a" OR "mail:b" AND "description:c"')).toEqual({
      kind: 'or',
      left: { kind: 'clause', property: 'displayName', text: 'a' },
      right: { kind: 'and', left: { kind: 'clause', property: 'mail', text: 'b' }, right: { kind: 'clause', property: 'description', text: 'c' } },
    });
    expect(parseSearch('("displayName:a" OR "displayName:b") AND "mail:c"')).toMatchObject({ kind: 'and', left: { kind: 'or' } });
    expect(parseSearch('"displayName:say \\"hi\\" \\\\ bye"')).toEqual({ kind: 'clause', property: 'displayName', text: 'say "hi" \\ bye' });
  });

  it.each(['displayName:foo', '"displayName"', '"displayName:"', '"displayName:a" "mail:b"', '"displayName:a" and "mail:b"', '"displayName:a', '("displayName:a"', '"displayName:a\\q"', '"displayName:a" OR', ''])(
    'rejects %j',
    (s) => expect(() => parseSearch(s)).toThrow(ODataSyntaxError),
  );

  it('splits words at spaces, symbols, digits and lower→upper case changes', () => {
    expect(searchWords('OneVideo Conference-Room2B')).toEqual(['one', 'video', 'conference', 'room', '2', 'b']);
    expect(searchWords('Office365')).toEqual(['office', '365']);
  });

  it('matches displayName/description by word prefixes in any order, other properties by prefix of the value', () => {
    const m = (q: string, o: Record<string, unknown>) => compileSearch(parseSearch(q))(o);
    expect(m('"displayName:video one"', { displayName: 'OneVideo Conference' })).toBe(true);
    expect(m('"displayName:conf"', { displayName: 'OneVideo Conference' })).toBe(true);
    expect(m('"displayName:ideo"', { displayName: 'OneVideo Conference' })).toBe(false);
    expect(m('"mail:alice"', { mail: 'alice@contoso.com' })).toBe(true);
    expect(m('"mail:contoso"', { mail: 'alice@contoso.com' })).toBe(false);
    expect(m('"proxyAddresses:smtp:alice.w"', { proxyAddresses: ['SMTP:alice@contoso.com', 'smtp:alice.wong@contoso.com'] })).toBe(true);
    expect(m('"displayName:wong" AND "mail:bob"', { displayName: 'Alice Wong', mail: 'alice@contoso.com' })).toBe(false);
    expect(m('"displayName:wong" OR "mail:bob"', { displayName: 'Alice Wong', mail: 'alice@contoso.com' })).toBe(true);
  });
});
