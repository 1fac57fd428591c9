import { describe, expect, it } from 'vitest';
import { ODataSyntaxError } from '../../../../devtenant/graph/odata/ast.ts';
import { parseFilter } from '../../../../devtenant/graph/odata/filter-parser.ts';
import { hostileStrings } from '../hostile.ts';

const lit = (type: string, value: unknown) => expect.objectContaining({ kind: 'literal', type, value });
const prop = (...path: string[]) => ({ kind: 'property', path });

describe('$filter parser: what Graph accepts', () => {
  it('parses a comparison of a property with each literal kind', () => {
    expect(parseFilter("displayName eq 'Alice'")).toEqual({ kind: 'compare', op: 'eq', left: prop('displayName'), right: lit('string', 'Alice') });
    expect(parseFilter('accountEnabled eq false')).toMatchObject({ right: lit('boolean', false) });
    expect(parseFilter('onPremisesSyncEnabled eq null')).toMatchObject({ right: lit('null', null) });
    expect(parseFilter('assignedLicenses/$count eq 0')).toEqual({ kind: 'compare', op: 'eq', left: { kind: 'count', collection: prop('assignedLicenses') }, right: lit('number', 0) });
    expect(parseFilter('deviceEnrollmentLimit ge -1')).toMatchObject({ op: 'ge', right: lit('number', -1) });
    expect(parseFilter('x le 2.5e3')).toMatchObject({ right: lit('number', 2500) });
    expect(parseFilter('skuId eq 06EBC4EE-1BB5-47DD-8120-11324BC54E06')).toMatchObject({ right: lit('guid', '06ebc4ee-1bb5-47dd-8120-11324bc54e06') });
    expect(parseFilter('createdDateTime ge 2021-11-01T00:00:00Z')).toMatchObject({ right: lit('datetime', '2021-11-01T00:00:00Z') });
    expect(parseFilter('createdDateTime le 2021-11-01T10:20:30.1234567+02:00')).toMatchObject({ right: lit('datetime', '2021-11-01T10:20:30.1234567+02:00') });
    expect(parseFilter('createdDateTime ge 2021-11-01')).toMatchObject({ right: lit('date', '2021-11-01') });
  });

  it("unescapes '' inside string literals and keeps everything else verbatim", () => {
    expect(parseFilter("displayName eq 'O''Brien'")).toMatchObject({ right: lit('string', "O'Brien") });
    expect(parseFilter("displayName eq ''''")).toMatchObject({ right: lit('string', "'") });
    expect(parseFilter("displayName eq ''")).toMatchObject({ right: lit('string', '') });
    expect(parseFilter("displayName eq ' or 1 eq 1 )('")).toMatchObject({ kind: 'compare', right: lit('string', ' or 1 eq 1 )(') });
  });

  it('gives and precedence over or, and binds not tightest', () => {
    const t = parseFilter("a eq 1 or b eq 2 and c eq 3");
    expect(t).toMatchObject({ kind: 'or', left: { kind: 'compare' }, right: { kind: 'and' } });
    const p = parseFilter("(a eq 1 or b eq 2) and c eq 3");
    expect(p).toMatchObject({ kind: 'and', left: { kind: 'or' } });
    const n = parseFilter("NOT(companyName eq 'Microsoft') and companyName ne null");
    expect(n).toMatchObject({ kind: 'and', left: { kind: 'not', operand: { kind: 'compare', op: 'eq' } }, right: { kind: 'compare', op: 'ne' } });
    expect(parseFilter("NOT startsWith(displayName, 'Conf')")).toMatchObject({ kind: 'not', operand: { kind: 'call', name: 'startswith' } });
  });

  it('accepts keywords in any case, as Graph does (OR, NOT, startsWith)', () => {
    expect(parseFilter("startsWith(mobilePhone, '25478') OR startsWith(mobilePhone, '25473')")).toMatchObject({ kind: 'or' });
    expect(parseFilter("displayName EQ 'x' AND mail Eq 'y'")).toMatchObject({ kind: 'and' });
    expect(parseFilter("endsWith(mail,'@outlook.com')")).toMatchObject({ kind: 'call', name: 'endswith', args: [prop('mail'), lit('string', '@outlook.com')] });
  });

  it('parses in (…) lists', () => {
    expect(parseFilter("userType in ('Guest', 'Member')")).toEqual({ kind: 'in', left: prop('userType'), values: [lit('string', 'Guest'), lit('string', 'Member')] });
  });

  it('parses lambdas over complex and primitive collections, and nested paths', () => {
    expect(parseFilter('assignedLicenses/any(x:x/skuId eq 06ebc4ee-1bb5-47dd-8120-11324bc54e06)')).toEqual({
      kind: 'lambda',
      op: 'any',
      collection: prop('assignedLicenses'),
      variable: 'x',
      predicate: { kind: 'compare', op: 'eq', left: { kind: 'property', variable: 'x', path: ['skuId'] }, right: lit('guid', '06ebc4ee-1bb5-47dd-8120-11324bc54e06') },
    });
    expect(parseFilter("proxyAddresses/any(p:p eq 'smtp:alice@contoso.com')")).toMatchObject({ predicate: { left: { kind: 'property', variable: 'p', path: [] } } });
    expect(parseFilter("proxyAddresses/any (p:endsWith(p, 'OnMicrosoft.com'))")).toMatchObject({ kind: 'lambda', predicate: { kind: 'call', name: 'endswith' } });
    expect(parseFilter("tags/all(t:t ne 'x')")).toMatchObject({ kind: 'lambda', op: 'all' });
    expect(parseFilter('assignedLicenses/any()')).toEqual({ kind: 'lambda', op: 'any', collection: prop('assignedLicenses') });
    expect(parseFilter("signInActivity/lastSignInDateTime le 2026-01-01T00:00:00Z")).toMatchObject({ left: prop('signInActivity', 'lastSignInDateTime') });
    expect(parseFilter('onPremisesProvisioningErrors/$count ne 0')).toEqual({ kind: 'compare', op: 'ne', left: { kind: 'count', collection: prop('onPremisesProvisioningErrors') }, right: lit('number', 0) });
    expect(parseFilter("identities/any(c:c/issuerAssignedId eq 'j.smith@yahoo.com' and c/issuer eq 'contoso')")).toMatchObject({ predicate: { kind: 'and' } });
  });
});

const MALFORMED = [
  '',
  '   ',
  'displayName eq',
  "eq 'x'",
  "displayName eq 'O'Brien'",
  "displayName eq 'unterminated",
  "(displayName eq 'x'",
  "displayName eq 'x')",
  "displayName eq 'x' and",
  "displayName eq 'x' or or mail eq 'y'",
  "displayName eq 'x' mail eq 'y'",
  "jobtitle ge '!' , accountenabled eq true",
  'a eq 1 eq 2',
  "startswith(displayName)",
  "startswith(displayName, 'a', 'b')",
  "substringof('a', displayName)",
  "tolower(displayName) eq 'a'",
  'assignedLicenses/any(x:)',
  'assignedLicenses/any(x x/skuId eq 1)',
  'assignedLicenses/all()',
  'assignedLicenses/any(x:x/skuId eq 1',
  "displayName eq 'x'; DROP TABLE users",
  'displayName eq #',
  'displayName eq "double quoted"',
  'createdDateTime ge 2021-13-01',
  'createdDateTime ge 2021-02-30',
  'createdDateTime ge 2021-02-03T25:00:00Z',
  'skuId eq 12345678-1234-1234-1234-12345678',
  "userType in ()",
  "userType in ('a',)",
  "userType in (displayName)",
  '$count eq 1',
  '/displayName eq 1',
  'displayName/ eq 1',
  'not',
  "displayName eq 'x' and not",
  "displayName eq\n'x'",
  'and eq 1',
];

describe('$filter parser: malformed input is a syntax error, never a crash', () => {
  it.each(MALFORMED)('rejects %j', (text) => {
    expect(() => parseFilter(text)).toThrow(ODataSyntaxError);
  });

  it('reports the 1-based position of the offending token', () => {
    try {
      parseFilter("jobtitle ge '!' , accountenabled eq true");
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toBe("Syntax error at position 17 in 'jobtitle ge '!' , accountenabled eq true'.");
    }
  });

  it('refuses deep nesting instead of exhausting the stack', () => {
    const deep = `${'('.repeat(5000)}a eq 1${')'.repeat(5000)}`;
    expect(() => parseFilter(deep)).toThrow(ODataSyntaxError);
    const nots = `${'not '.repeat(5000)}a eq 1`;
    expect(() => parseFilter(nots)).toThrow(ODataSyntaxError);
    expect(() => parseFilter(`a eq '${'x'.repeat(20_000)}'`)).toThrow(ODataSyntaxError);
  });
});

describe('$filter parser: fuzz', () => {
  const strings = hostileStrings(5000);

  it("parses every hostile string, escaped as a literal, to exactly one comparison holding that string", () => {
    for (const s of strings) {
      const ast = parseFilter(`displayName eq '${s.replace(/'/g, "''")}'`);
      expect(ast).toEqual({ kind: 'compare', op: 'eq', left: prop('displayName'), right: { kind: 'literal', type: 'string', value: s } });
    }
  });

  it('either rejects or parses the same strings embedded unescaped — and never throws anything else', () => {
    let rejected = 0;
    let parsed = 0;
    for (const s of strings) {
      for (const text of [`displayName eq '${s}'`, s, `startsWith(displayName,'${s}') and ${s}`]) {
        try {
          parseFilter(text);
          parsed++;
        } catch (err) {
          if (!(err instanceof ODataSyntaxError)) throw new Error(`${JSON.stringify(text)} threw ${String(err)}`, { cause: err });
          rejected++;
        }
      }
    }
    expect(rejected).toBeGreaterThan(0);
    expect(parsed).toBeGreaterThan(0);
  });
});
