import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevTenant, type DevTenant } from '../../devtenant/index.ts';
import { SYNC_WARN_MINUTES } from '../../src/answers/results.ts';
import { SYNCED_USERS_SHOWN, syncUsers } from '../../src/answers/sync-users.ts';
import { capabilityFor } from '../../src/catalog.ts';
import { cardBytes, parseCard } from '../support/cards.ts';
import { actAs } from '../support/graph-as.ts';
import { ask, byName, roundTrips, str, users } from './facts.ts';

let dt: DevTenant;
beforeAll(async () => {
  dt = await startDevTenant({ tenant: 'contoso', keysDir: false });
});
afterAll(async () => dt?.close());

describe('sync.users', () => {
  it('"who is synced?": the counts and the first names by name, in one round trip of two requests', async () => {
    const synced = users(dt).filter((u) => u.onPremisesSyncEnabled === true);
    const cloudOnlyMembers = users(dt).filter((u) => u.onPremisesSyncEnabled !== true && u.userType === 'Member');
    expect(synced.length).toBeGreaterThan(SYNCED_USERS_SHOWN); // so the list is cut and the count matters
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    const mark = dt.log.mark();
    const vm = await syncUsers(ask('sync.users'), p);
    expect(roundTrips(dt, mark)).toBe(1);
    expect(dt.log.since(mark, 'graph').filter((r) => r.batchSeq !== undefined)).toHaveLength(2);
    expect(vm.synced).toBe(synced.length);
    expect(vm.cloudOnly).toBe(cloudOnlyMembers.length);
    expect(vm.users).toHaveLength(SYNCED_USERS_SHOWN);
    const names = vm.users.map((u) => u.name);
    expect(names).toEqual([...names].sort(byName));
    expect(new Set(vm.users.map((u) => u.upn.toLowerCase())).size).toBe(SYNCED_USERS_SHOWN);
    const syncedUpns = new Set(synced.map((u) => str(u.userPrincipalName).toLowerCase()));
    for (const u of vm.users) expect(syncedUpns.has(u.upn.toLowerCase()), u.upn).toBe(true);
  });

  it('flags people whose last sync is old or missing as stale', async () => {
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    const vm = await syncUsers(ask('sync.users'), p);
    for (const u of vm.users) expect(u.stale, u.upn).toBe(u.ageMinutes === undefined || u.ageMinutes > SYNC_WARN_MINUTES);
  });

  it('renders a valid card with pages for the rest', async () => {
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    const vm = await syncUsers(ask('sync.users'), p);
    const rendered = capabilityFor('sync.users')!.render(vm, { page: 0, answerId: 'a1' });
    expect(parseCard(rendered.card)).toEqual([]);
    expect(cardBytes(rendered.card)).toBeLessThan(28 * 1024);
    expect(rendered.pages).toBeGreaterThan(1);
    expect(rendered.text).toContain(`${vm.synced} people are synced`);
  });
});
