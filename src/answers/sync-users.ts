// sync.users — "who is synced?". Counts come from Graph ($count with a filter, advanced queries),
// the list is the first page of synced users sorted by name: one $batch, whatever the tenant's size.
import type { Parsed } from '../language/intents.ts';
import { url } from '../graph/odata.ts';
import type { AnswerContext } from './context.ts';
import { minutesSince, must, SYNC_WARN_MINUTES } from './results.ts';

/** Users shown (and kept for paging); the count says how many there are in all. */
export const SYNCED_USERS_SHOWN = 100;

export interface SyncedUser {
  id: string;
  name: string;
  upn: string;
  onPremisesDomain?: string;
  lastSync?: string;
  ageMinutes?: number;
  stale: boolean;
}

export interface SyncUsers {
  asOf: string;
  synced: number;
  cloudOnly: number;
  users: SyncedUser[];
}

interface GraphUser {
  id: string;
  displayName?: string;
  userPrincipalName?: string;
  onPremisesDomainName?: string | null;
  onPremisesLastSyncDateTime?: string | null;
}

export async function syncUsers(_q: Parsed, ctx: AnswerContext): Promise<SyncUsers> {
  // The list's @odata.count is the number synced, so the batch needs one $count only (cloud-only).
  const [cloudOnly, list] = await ctx.graph.batch([
    { url: url('/users/$count', { filter: "onPremisesSyncEnabled ne true and userType eq 'Member'" }), eventual: true },
    {
      url: url('/users', {
        filter: 'onPremisesSyncEnabled eq true',
        select: ['id', 'displayName', 'userPrincipalName', 'onPremisesDomainName', 'onPremisesLastSyncDateTime'],
        orderby: 'displayName',
        count: true,
        top: SYNCED_USERS_SHOWN,
      }),
      eventual: true,
    },
  ]);
  const page = must<{ value: GraphUser[]; '@odata.count'?: number }>(list);
  const users = page.value.map((u): SyncedUser => {
    const age = minutesSince(u.onPremisesLastSyncDateTime, ctx.now);
    return {
      id: u.id,
      name: u.displayName ?? u.userPrincipalName ?? u.id,
      upn: u.userPrincipalName ?? '',
      ...(u.onPremisesDomainName ? { onPremisesDomain: u.onPremisesDomainName } : {}),
      ...(u.onPremisesLastSyncDateTime ? { lastSync: u.onPremisesLastSyncDateTime } : {}),
      ...(age !== undefined ? { ageMinutes: age } : {}),
      stale: age === undefined || age > SYNC_WARN_MINUTES,
    };
  });
  return { asOf: ctx.now.toISOString(), synced: page['@odata.count'] ?? users.length, cloudOnly: Number(must(cloudOnly)), users };
}
