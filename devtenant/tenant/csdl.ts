// Reads the Graph v1.0 CSDL (an OData EDMX document) into a plain type table: for each entity or
// complex type, its base type and its structural and navigation properties. Only what the
// property-name checks need; the CSDL's annotations, functions and entity sets are skipped.
//
// Names are written relative to the `microsoft.graph` namespace ("user", "Collection(assignedLicense)"),
// other namespaces keep their suffix ("security.alert"), and EDM primitives stay as they are ("Edm.String").

export interface CsdlType {
  kind: 'entity' | 'complex';
  base?: string;
  abstract?: boolean;
  open?: boolean;
  /** Structural property name → type. */
  properties: Record<string, string>;
  /** Navigation property name → type. */
  navigation?: Record<string, string>;
}

export interface CsdlTable {
  types: Record<string, CsdlType>;
  /** Enum type names (their values are strings on the wire, so the checks do not descend into them). */
  enums: string[];
}

const ROOT_NAMESPACE = 'microsoft.graph';

function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([A-Za-z_:]+)="([^"]*)"/g)) out[m[1]!] = m[2]!;
  return out;
}

/** Parses the whole EDMX text. Tag-level scanning is enough: the CSDL is machine-written XML. */
export function parseCsdl(xml: string): CsdlTable {
  const types: Record<string, CsdlType> = {};
  const enums: string[] = [];
  // Alias → namespace, so "graph.user" and "self.alert" resolve to full names.
  const aliases = new Map<string, string>();
  for (const m of xml.matchAll(/<Schema\s([^>]*)>/g)) {
    const a = attributes(m[1]!);
    if (a.Namespace && a.Alias) aliases.set(a.Alias, a.Namespace);
  }
  const shorten = (fullName: string): string =>
    fullName.startsWith(`${ROOT_NAMESPACE}.`) ? fullName.slice(ROOT_NAMESPACE.length + 1) : fullName;
  const resolve = (typeRef: string): string => {
    const collection = /^Collection\((.*)\)$/.exec(typeRef);
    if (collection) return `Collection(${resolve(collection[1]!)})`;
    if (typeRef.startsWith('Edm.')) return typeRef;
    const dot = typeRef.indexOf('.');
    const prefix = typeRef.slice(0, dot);
    const aliased = aliases.get(prefix);
    return shorten(aliased ? `${aliased}${typeRef.slice(dot)}` : typeRef);
  };

  let namespace = '';
  let current: CsdlType | undefined;
  for (const m of xml.matchAll(/<(\/?)(Schema|EntityType|ComplexType|EnumType|Property|NavigationProperty)\b([^>]*?)(\/?)>/g)) {
    const [, closing, tag, attrText, selfClosing] = m;
    if (closing) {
      if (tag === 'EntityType' || tag === 'ComplexType') current = undefined;
      continue;
    }
    const a = attributes(attrText!);
    switch (tag) {
      case 'Schema':
        namespace = a.Namespace ?? '';
        break;
      case 'EntityType':
      case 'ComplexType': {
        const type: CsdlType = { kind: tag === 'EntityType' ? 'entity' : 'complex', properties: {} };
        if (a.BaseType) type.base = resolve(a.BaseType);
        if (a.Abstract === 'true') type.abstract = true;
        if (a.OpenType === 'true') type.open = true;
        types[shorten(`${namespace}.${a.Name}`)] = type;
        current = selfClosing ? undefined : type;
        break;
      }
      case 'EnumType':
        enums.push(shorten(`${namespace}.${a.Name}`));
        break;
      case 'Property':
        if (current && a.Name && a.Type) current.properties[a.Name] = resolve(a.Type);
        break;
      case 'NavigationProperty':
        if (current && a.Name && a.Type) (current.navigation ??= {})[a.Name] = resolve(a.Type);
        break;
    }
  }
  return { types, enums };
}

/** The type named by a property type, without `Collection(…)`. */
export function elementType(typeRef: string): { name: string; collection: boolean } {
  const m = /^Collection\((.*)\)$/.exec(typeRef);
  return m ? { name: m[1]!, collection: true } : { name: typeRef, collection: false };
}

/**
 * Keeps the given root types plus everything their properties need: base types, complex property
 * types, and types derived from a kept complex type (an object may carry an `@odata.type` cast to one).
 * Navigation targets are recorded by name but not followed, which keeps the table small.
 */
export function subsetCsdl(table: CsdlTable, roots: readonly string[]): CsdlTable {
  const derived = new Map<string, string[]>();
  for (const [name, t] of Object.entries(table.types)) {
    if (!t.base) continue;
    const list = derived.get(t.base);
    if (list) list.push(name);
    else derived.set(t.base, [name]);
  }
  const enumSet = new Set(table.enums);
  const keep = new Set<string>();
  const usedEnums = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const name = queue.pop()!;
    if (keep.has(name)) continue;
    const t = table.types[name];
    if (!t) {
      if (enumSet.has(name)) usedEnums.add(name);
      else if (!name.startsWith('Edm.')) throw new Error(`CSDL has no type ${name}`);
      continue;
    }
    keep.add(name);
    if (t.base) queue.push(t.base);
    for (const p of Object.values(t.properties)) queue.push(elementType(p).name);
    if (t.kind === 'complex') queue.push(...(derived.get(name) ?? []));
  }
  const types: Record<string, CsdlType> = {};
  for (const name of [...keep].sort()) types[name] = table.types[name]!;
  return { types, enums: [...usedEnums].sort() };
}
