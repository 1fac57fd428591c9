// guest.list — "how many guests do we have?", "guests who never accepted". Guests (B2B users,
// userType 'Guest') with how many have not redeemed their invitation (externalUserState
// 'PendingAcceptance'). Counts are $count with filters; the list is the pending guests first, then
// the first page of all guests by name: one $batch, whatever the number of guests (advanced
// queries: a filter with $count or $orderby needs ConsistencyLevel, graph reference §1.11).
import { and, eq, url } from '../graph/odata.ts';
import type { Parsed } from '../language/intents.ts';
import type { AnswerContext } from './context.ts';
import { must } from './results.ts';

/** Guests listed of each kind (pending, all); the counts say how many there are in all. */
export const GUESTS_SHOWN = 100;

export interface Guest {
  id: string;
  name: string;
  /** Their own address (mail), else the #EXT# UPN. */
  email: string;
  /** 'PendingAcceptance', 'Accepted', or unknown (older guests have no state). */
  state?: string;
  /** When the guest account was created: when they were invited. */
  invited?: string;
  /** When the state last changed (for Accepted: when they redeemed). */
  stateChanged?: string;
}

export interface GuestList {
  asOf: string;
  total: number;
  pending: number;
  /** Pending guests first (by name), then the others (by name). */
  guests: Guest[];
  /** True when not every guest is in `guests`. */
  truncated: boolean;
}

interface GraphGuest {
  id: string;
  displayName?: string | null;
  mail?: string | null;
  userPrincipalName?: string | null;
  externalUserState?: string | null;
  externalUserStateChangeDateTime?: string | null;
  createdDateTime?: string | null;
}

const GUEST = eq('userType', 'Guest');
const PENDING = and(GUEST, eq('externalUserState', 'PendingAcceptance'));
const SELECT = ['id', 'displayName', 'mail', 'userPrincipalName', 'externalUserState', 'externalUserStateChangeDateTime', 'createdDateTime'];

const listOf = (filter: string) => ({ url: url('/users', { filter, select: SELECT, orderby: 'displayName', count: true, top: GUESTS_SHOWN }), eventual: true });

function guest(u: GraphGuest): Guest {
  return {
    id: u.id,
    name: u.displayName || u.mail || u.userPrincipalName || u.id,
    email: u.mail || u.userPrincipalName || '',
    ...(u.externalUserState ? { state: u.externalUserState } : {}),
    ...(u.createdDateTime ? { invited: u.createdDateTime } : {}),
    ...(u.externalUserStateChangeDateTime ? { stateChanged: u.externalUserStateChangeDateTime } : {}),
  };
}

export async function guestList(_q: Parsed, ctx: AnswerContext): Promise<GuestList> {
  const [pendingPart, allPart] = await ctx.graph.batch([listOf(PENDING), listOf(GUEST)]);
  const pending = must<{ value: GraphGuest[]; '@odata.count'?: number }>(pendingPart);
  const all = must<{ value: GraphGuest[]; '@odata.count'?: number }>(allPart);
  const pendingIds = new Set(pending.value.map((g) => g.id));
  const guests = [...pending.value, ...all.value.filter((g) => !pendingIds.has(g.id) && g.externalUserState !== 'PendingAcceptance')].map(guest);
  const total = all['@odata.count'] ?? all.value.length;
  const pendingCount = pending['@odata.count'] ?? pending.value.length;
  return { asOf: ctx.now.toISOString(), total, pending: pendingCount, guests, truncated: guests.length < total };
}
