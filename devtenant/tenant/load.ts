// Reads a tenant folder into memory and builds the lookups the servers share.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { COLLECTIONS, type GraphObject, type Relationships, type DevTenantSettings, type Tenant, type TenantData } from './types.ts';
import { shiftTenantDates } from './shift-dates.ts';

export const sampleTenantDir = resolve(import.meta.dirname, '..', 'fixtures', 'contoso');

function readJson<T>(file: string, fallback: T): T {
  if (!existsSync(file)) return fallback;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${(err as Error).message})`, { cause: err });
  }
}

const TYPE_OF_COLLECTION: Partial<Record<string, string>> = {
  users: '#microsoft.graph.user',
  groups: '#microsoft.graph.group',
  applications: '#microsoft.graph.application',
  servicePrincipals: '#microsoft.graph.servicePrincipal',
  directoryRoles: '#microsoft.graph.directoryRole',
};

/** Resolves `contoso` to the shipped sample tenant; anything else is a folder path. */
export function resolveTenantDir(nameOrDir: string): string {
  return nameOrDir === 'contoso' ? sampleTenantDir : resolve(nameOrDir);
}

export interface LoadOptions {
  /** "Now" for date shifting (devtenant.json referenceDateTime); defaults to the current time. */
  now?: Date;
}

export function loadTenant(nameOrDir: string, options: LoadOptions = {}): Tenant {
  const dir = resolveTenantDir(nameOrDir);
  if (!existsSync(join(dir, 'organization.json'))) throw new Error(`${dir} is not a tenant folder (no organization.json)`);
  const data = {} as TenantData;
  for (const c of COLLECTIONS) {
    const value = readJson<GraphObject[]>(join(dir, `${c}.json`), []);
    if (!Array.isArray(value)) throw new Error(`${c}.json must hold an array of Graph objects`);
    data[c] = value;
  }
  data.relationships = { members: {}, owners: {}, managers: {}, ...readJson<Partial<Relationships>>(join(dir, 'relationships.json'), {}) };
  data.settings = { clientSecrets: {}, restrictedUsers: [], ...readJson<Partial<DevTenantSettings>>(join(dir, 'devtenant.json'), {}) };
  const policy = readJson<GraphObject | undefined>(join(dir, 'authorizationPolicy.json'), undefined);
  if (policy) data.authorizationPolicy = policy;
  const reference = data.settings.referenceDateTime;
  if (reference !== undefined) {
    const referenceMs = Date.parse(reference);
    if (Number.isNaN(referenceMs)) throw new Error(`${join(dir, 'devtenant.json')}: referenceDateTime "${reference}" is not an ISO 8601 date-time`);
    shiftTenantDates(data, (options.now ?? new Date()).getTime() - referenceMs);
  }
  return indexTenant(dir, data);
}

export function indexTenant(dir: string, data: TenantData): Tenant {
  const org = data.organization[0];
  if (!org) throw new Error('organization.json must hold the one organization object');
  const byId = new Map<string, GraphObject>();
  const types = new Map<string, string>();
  for (const [collection, type] of Object.entries(TYPE_OF_COLLECTION)) {
    for (const o of data[collection as keyof TenantData] as GraphObject[]) {
      byId.set(o.id, o);
      types.set(o.id, type!);
    }
  }
  const userByUpn = new Map<string, GraphObject>();
  for (const u of data.users) if (typeof u.userPrincipalName === 'string') userByUpn.set(u.userPrincipalName.toLowerCase(), u);
  const applicationByAppId = new Map<string, GraphObject>();
  for (const a of data.applications) if (typeof a.appId === 'string') applicationByAppId.set(a.appId, a);
  const servicePrincipalByAppId = new Map<string, GraphObject>();
  for (const s of data.servicePrincipals) if (typeof s.appId === 'string') servicePrincipalByAppId.set(s.appId, s);
  const memberOf = new Map<string, string[]>();
  for (const [container, members] of Object.entries(data.relationships.members)) {
    for (const m of members) {
      const list = memberOf.get(m);
      if (list) list.push(container);
      else memberOf.set(m, [container]);
    }
  }
  const directReports = new Map<string, string[]>();
  for (const [user, manager] of Object.entries(data.relationships.managers)) {
    const list = directReports.get(manager);
    if (list) list.push(user);
    else directReports.set(manager, [user]);
  }
  return {
    dir,
    data,
    tenantId: org.id,
    byId,
    userByUpn,
    applicationByAppId,
    servicePrincipalByAppId,
    memberOf,
    directReports,
    typeOf: (id) => types.get(id),
  };
}
