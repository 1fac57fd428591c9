// Checks that an object only uses property names Graph v1.0 really has, using the compact copy of
// the CSDL in devtenant/tenant/csdl-types.json (CI machines have the repository, not the 3 MB CSDL).
// Catches made-up or misspelt properties in fixtures and in the Graph emulator's responses.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { elementType, type CsdlTable, type CsdlType } from '../../devtenant/tenant/csdl.ts';

const table = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', 'devtenant', 'tenant', 'csdl-types.json'), 'utf8')) as CsdlTable;
const enums = new Set(table.enums);

/** "user", "microsoft.graph.user" and "#microsoft.graph.user" all name the same type. */
function normalize(typeName: string): string {
  const name = typeName.replace(/^#/, '');
  return name.startsWith('microsoft.graph.') ? name.slice('microsoft.graph.'.length) : name;
}

function lineage(name: string): CsdlType[] {
  const out: CsdlType[] = [];
  for (let t = table.types[name]; t; t = t.base ? table.types[t.base] : undefined) out.push(t);
  return out;
}

function derivesFrom(name: string, ancestor: string): boolean {
  for (let n: string | undefined = name; n; n = table.types[n]?.base) if (n === ancestor) return true;
  return false;
}

/** Known type names (for tests that want to assert coverage). */
export function knownGraphTypes(): string[] {
  return Object.keys(table.types);
}

function checkValue(typeRef: string, value: unknown, path: string, problems: string[]): void {
  if (value === null || value === undefined) return;
  const { name, collection } = elementType(typeRef);
  if (collection) {
    if (!Array.isArray(value)) {
      problems.push(`${path}: expected an array (${typeRef})`);
      return;
    }
    value.forEach((v, i) => checkValue(name, v, `${path}[${i}]`, problems));
    return;
  }
  if (name.startsWith('Edm.') || enums.has(name)) {
    if (typeof value === 'object') problems.push(`${path}: expected a ${name} value, got ${Array.isArray(value) ? 'an array' : 'an object'}`);
    return;
  }
  checkObject(name, value, path, problems);
}

function checkObject(typeName: string, obj: unknown, path: string, problems: string[]): void {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    problems.push(`${path}: expected a ${typeName} object`);
    return;
  }
  let name = typeName;
  const record = obj as Record<string, unknown>;
  const cast = record['@odata.type'];
  if (typeof cast === 'string') {
    const castName = normalize(cast);
    if (!table.types[castName]) {
      problems.push(`${path}: @odata.type ${cast} is not a type in csdl-types.json`);
      return;
    }
    if (!derivesFrom(castName, name)) problems.push(`${path}: @odata.type ${cast} does not derive from ${name}`);
    else name = castName;
  }
  const chain = lineage(name);
  if (chain.length === 0) {
    problems.push(`${path}: type ${name} is not in csdl-types.json (add it to the roots in devtenant/tenant/build-csdl-types.ts)`);
    return;
  }
  const open = chain.some((t) => t.open);
  for (const [key, value] of Object.entries(record)) {
    // Instance annotations: "@odata.context" on the object, "members@odata.nextLink" on a property.
    if (/^[A-Za-z0-9_]*@odata\.[A-Za-z]+$/.test(key)) continue;
    // Open types carry directory extension properties (extension_{appId without dashes}_{name}).
    if (open && /^extension_[0-9a-f]{32}_\w+$/.test(key)) continue;
    const here = `${path}.${key}`;
    const prop = chain.find((t) => key in t.properties)?.properties[key];
    if (prop) {
      checkValue(prop, value, here, problems);
      continue;
    }
    const nav = chain.find((t) => t.navigation && key in t.navigation)?.navigation?.[key];
    if (nav) {
      checkValue(nav, value, here, problems);
      continue;
    }
    problems.push(`${here}: not a property of microsoft.graph.${name}`);
  }
}

/**
 * Problems with `obj` as a Graph v1.0 `typeName` ("user", "microsoft.graph.subscribedSku", …):
 * property names the type (with its base types) does not have, checked recursively through
 * complex types, collections and expanded navigation properties. `@odata.*` annotations are
 * allowed; an `@odata.type` cast switches to the derived type. An array is checked element by
 * element. Returns [] when everything is a real property.
 */
export function checkGraphObject(typeName: string, obj: unknown): string[] {
  const problems: string[] = [];
  const name = normalize(typeName);
  if (Array.isArray(obj)) obj.forEach((o, i) => checkObject(name, o, `${name}[${i}]`, problems));
  else checkObject(name, obj, name, problems);
  return problems;
}
