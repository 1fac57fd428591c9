// Checks that an object only uses property names Graph v1.0 really has, using the compact copy of
// the CSDL in csdl-types.json (CI machines have the repository, not the 3 MB CSDL). Catches made-up
// or misspelt properties in fixtures, in the generator's output and — through the Graph emulator's
// schema self-check — in every response the emulator serves. Lives here, not under test/, so the
// dev tenant can use it without importing test code.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { elementType, type CsdlTable, type CsdlType } from './csdl.ts';

interface Loaded {
  table: CsdlTable;
  enums: Set<string>;
  /** Per type, its own and inherited properties (structural and navigation) by name; built on first use. */
  fields: Map<string, Fields>;
}

interface Fields {
  byName: Map<string, string>;
  /** Names whose type is a single primitive or enum: a string, number or boolean there needs no further look. */
  plain: Set<string>;
  open: boolean;
}

let loaded: Loaded | undefined;

/** Read on first use: the dev tenant only needs the table when the self-check is on. */
function schema(): Loaded {
  if (!loaded) {
    const table = JSON.parse(readFileSync(resolve(import.meta.dirname, 'csdl-types.json'), 'utf8')) as CsdlTable;
    loaded = { table, enums: new Set(table.enums), fields: new Map() };
  }
  return loaded;
}

/** "user", "microsoft.graph.user" and "#microsoft.graph.user" all name the same type. */
function normalize(typeName: string): string {
  const name = typeName.replace(/^#/, '');
  return name.startsWith('microsoft.graph.') ? name.slice('microsoft.graph.'.length) : name;
}

function lineage(name: string): CsdlType[] {
  const { types } = schema().table;
  const out: CsdlType[] = [];
  for (let t = types[name]; t; t = t.base ? types[t.base] : undefined) out.push(t);
  return out;
}

/**
 * The names an object of the type may carry. Merged once per type: the Graph emulator's self-check
 * runs this over every object it serves, so a lookup must not walk the base types each time.
 * A derived type's property wins over a base type's of the same name, as in the CSDL.
 */
function fieldsOf(name: string): Fields | undefined {
  const cache = schema().fields;
  let f = cache.get(name);
  if (!f) {
    const chain = lineage(name);
    if (chain.length === 0) return undefined;
    const byName = new Map<string, string>();
    for (const t of chain) {
      for (const [k, v] of Object.entries(t.properties)) if (!byName.has(k)) byName.set(k, v);
    }
    for (const t of chain) {
      for (const [k, v] of Object.entries(t.navigation ?? {})) if (!byName.has(k)) byName.set(k, v);
    }
    const { enums } = schema();
    const plain = new Set([...byName].filter(([, ref]) => ref.startsWith('Edm.') || enums.has(ref)).map(([k]) => k));
    f = { byName, plain, open: chain.some((t) => t.open) };
    cache.set(name, f);
  }
  return f;
}

function derivesFrom(name: string, ancestor: string): boolean {
  const { types } = schema().table;
  for (let n: string | undefined = name; n; n = types[n]?.base) if (n === ancestor) return true;
  return false;
}

/** Known type names (for tests that want to assert coverage). */
export function knownGraphTypes(): string[] {
  return Object.keys(schema().table.types);
}

function checkValue(typeRef: string, value: unknown, path: string, problems: string[]): void {
  if (value === null || value === undefined) return;
  const { name, collection } = elementType(typeRef);
  if (collection) {
    if (!Array.isArray(value)) {
      problems.push(`${path}: expected an array (${typeRef})`);
      return;
    }
    const primitive = name.startsWith('Edm.') || schema().enums.has(name);
    value.forEach((v, i) => {
      // Strings in a collection of strings (proxyAddresses, businessPhones …) need no path built.
      if (primitive && (v === null || typeof v !== 'object')) return;
      checkValue(name, v, `${path}[${i}]`, problems);
    });
    return;
  }
  if (name.startsWith('Edm.') || schema().enums.has(name)) {
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
  const { types } = schema().table;
  let name = typeName;
  const record = obj as Record<string, unknown>;
  const cast = record['@odata.type'];
  if (typeof cast === 'string') {
    const castName = normalize(cast);
    if (!types[castName]) {
      problems.push(`${path}: @odata.type ${cast} is not a type in csdl-types.json`);
      return;
    }
    if (!derivesFrom(castName, name)) problems.push(`${path}: @odata.type ${cast} does not derive from ${name}`);
    else name = castName;
  }
  const fields = fieldsOf(name);
  if (!fields) {
    problems.push(`${path}: type ${name} is not in csdl-types.json (add it to the roots in devtenant/tenant/build-csdl-types.ts)`);
    return;
  }
  for (const key in record) {
    const typeRef = fields.byName.get(key);
    if (typeRef !== undefined) {
      const value = record[key];
      // Most values are strings of primitive properties: nothing to descend into, no path to build.
      if (value === null || value === undefined || (typeof value !== 'object' && fields.plain.has(key))) continue;
      checkValue(typeRef, value, `${path}.${key}`, problems);
      continue;
    }
    // Instance annotations: "@odata.context" on the object, "members@odata.nextLink" on a property.
    if (/^[A-Za-z0-9_]*@odata\.[A-Za-z]+$/.test(key)) continue;
    // Open types carry directory extension properties (extension_{appId without dashes}_{name}).
    if (fields.open && /^extension_[0-9a-f]{32}_\w+$/.test(key)) continue;
    problems.push(`${path}.${key}: not a property of microsoft.graph.${name}`);
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
