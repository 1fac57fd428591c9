// user.lookup — "who is Megan?", "is alice synced?", "user bob@contoso.com", "am I synced?". One
// person: who they are, their manager, their licenses, and whether they come from on-premises AD
// (last sync and its freshness, on-premises domain and account name, provisioning errors).
// Graph: the person is resolved by resolve-user.ts; named directly (me, UPN, id) everything is
// one $batch; found by display name it is two (the details need the id the lookup returns).
// Another person's licenses need a directory role (graph reference §1.8): refused, the answer
// says so and shows the rest. Their manager is optional the same way.
import { url, userPath } from '../graph/odata.ts';
import type { GraphRequest } from '../graph/types.ts';
import type { Parsed } from '../language/intents.ts';
import { friendlySkuName } from '../knowledge/skus.ts';
import type { AnswerContext } from './context.ts';
import { readable, type Readable } from './readable.ts';
import { userChoice, withUser, type UserChoice } from './resolve-user.ts';
import { freshness, minutesSince, must, type Health } from './results.ts';
import type { ProvisioningError } from './sync-errors.ts';

export interface Person {
  id: string;
  name: string;
  upn: string;
  mail?: string;
  jobTitle?: string;
  department?: string;
  office?: string;
  enabled: boolean;
  /** 'Member' or 'Guest'. */
  userType: string;
  /** For guests: 'PendingAcceptance' or 'Accepted'. */
  invitation?: string;
  created?: string;
}

export interface PersonSync {
  synced: boolean;
  lastSync?: string;
  ageMinutes?: number;
  /** 'off' for a cloud-only account. */
  health: Health;
  onPremisesDomain?: string;
  samAccountName?: string;
  onPremisesUpn?: string;
  errors: ProvisioningError[];
}

export interface License {
  skuId: string;
  skuPartNumber: string;
  name: string;
}

export interface Manager {
  id: string;
  name: string;
  upn?: string;
  jobTitle?: string;
}

export type UserLookup =
  | {
      kind: 'person';
      asOf: string;
      /** The asker asked about themselves. */
      self: boolean;
      person: Person;
      /** null: they have no manager in the directory. */
      manager: Readable<Manager | null>;
      licenses: Readable<License[]>;
      sync: PersonSync;
    }
  | UserChoice;

interface GraphPerson {
  id: string;
  displayName?: string | null;
  userPrincipalName?: string | null;
  mail?: string | null;
  jobTitle?: string | null;
  department?: string | null;
  officeLocation?: string | null;
  accountEnabled?: boolean | null;
  userType?: string | null;
  externalUserState?: string | null;
  createdDateTime?: string | null;
  onPremisesSyncEnabled?: boolean | null;
  onPremisesLastSyncDateTime?: string | null;
  onPremisesDomainName?: string | null;
  onPremisesSamAccountName?: string | null;
  onPremisesUserPrincipalName?: string | null;
  onPremisesProvisioningErrors?: { category?: string | null; occurredDateTime?: string | null; propertyCausingError?: string | null; value?: string | null }[] | null;
}

/** Everything the card shows about the person (onPremises*, accountEnabled, userType: only on $select). */
export const PERSON_SELECT = [
  'id', 'displayName', 'userPrincipalName', 'mail', 'jobTitle', 'department', 'officeLocation', 'accountEnabled', 'userType', 'externalUserState', 'createdDateTime',
  'onPremisesSyncEnabled', 'onPremisesLastSyncDateTime', 'onPremisesDomainName', 'onPremisesSamAccountName', 'onPremisesUserPrincipalName', 'onPremisesProvisioningErrors',
];

export function detailRequests(key: string): GraphRequest[] {
  const path = userPath(key);
  return [
    { url: url(path, { select: PERSON_SELECT }) },
    { url: url(`${path}/manager`, { select: ['id', 'displayName', 'userPrincipalName', 'jobTitle'] }) },
    { url: url(`${path}/licenseDetails`, { select: ['skuId', 'skuPartNumber'] }) },
  ];
}

export function personSync(u: GraphPerson, now: Date): PersonSync {
  const synced = u.onPremisesSyncEnabled === true;
  const age = minutesSince(u.onPremisesLastSyncDateTime, now);
  return {
    synced,
    ...(u.onPremisesLastSyncDateTime ? { lastSync: u.onPremisesLastSyncDateTime } : {}),
    ...(age !== undefined ? { ageMinutes: age } : {}),
    health: synced ? freshness(age) : 'off',
    ...(u.onPremisesDomainName ? { onPremisesDomain: u.onPremisesDomainName } : {}),
    ...(u.onPremisesSamAccountName ? { samAccountName: u.onPremisesSamAccountName } : {}),
    ...(u.onPremisesUserPrincipalName ? { onPremisesUpn: u.onPremisesUserPrincipalName } : {}),
    errors: (u.onPremisesProvisioningErrors ?? []).map((e) => ({ category: e.category ?? 'Unknown', property: e.propertyCausingError ?? 'Unknown', value: e.value ?? '', ...(e.occurredDateTime ? { occurred: e.occurredDateTime } : {}) })),
  };
}

export async function userLookup(q: Parsed, ctx: AnswerContext): Promise<UserLookup> {
  const asOf = ctx.now.toISOString();
  const { resolution, details } = await withUser(ctx, q.entities.user, detailRequests);
  if (resolution.status !== 'found') return userChoice(resolution, 'user.lookup', asOf);
  const [userPart, managerPart, licensePart] = details!;
  const [, managerUrl, licenseUrl] = detailRequests(resolution.user.id).map((r) => r.url);
  const u = must<GraphPerson>(userPart);
  const manager: Readable<Manager | null> =
    managerPart && !managerPart.ok && managerPart.status === 404
      ? { readable: true, value: null }
      : readable(managerPart, managerUrl!, (b) => {
          const m = b as { id: string; displayName?: string | null; userPrincipalName?: string | null; jobTitle?: string | null };
          return { id: m.id, name: m.displayName || m.userPrincipalName || m.id, ...(m.userPrincipalName ? { upn: m.userPrincipalName } : {}), ...(m.jobTitle ? { jobTitle: m.jobTitle } : {}) };
        });
  const licenses = readable(licensePart, licenseUrl!, (b) =>
    ((b as { value?: { skuId?: string; skuPartNumber?: string | null }[] }).value ?? [])
      .filter((l): l is { skuId: string; skuPartNumber?: string | null } => typeof l.skuId === 'string')
      .map((l) => ({ skuId: l.skuId, skuPartNumber: l.skuPartNumber ?? '', name: friendlySkuName(l.skuPartNumber ?? l.skuId, l.skuId) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  );
  return {
    kind: 'person',
    asOf,
    self: resolution.self,
    person: {
      id: u.id,
      name: u.displayName || u.userPrincipalName || u.id,
      upn: u.userPrincipalName ?? '',
      ...(u.mail ? { mail: u.mail } : {}),
      ...(u.jobTitle ? { jobTitle: u.jobTitle } : {}),
      ...(u.department ? { department: u.department } : {}),
      ...(u.officeLocation ? { office: u.officeLocation } : {}),
      enabled: u.accountEnabled !== false,
      userType: u.userType ?? 'Member',
      ...(u.externalUserState ? { invitation: u.externalUserState } : {}),
      ...(u.createdDateTime ? { created: u.createdDateTime } : {}),
    },
    manager,
    licenses,
    sync: personSync(u, ctx.now),
  };
}
