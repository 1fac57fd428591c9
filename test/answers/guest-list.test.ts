import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevTenant, type DevTenant } from '../../devtenant/index.ts';
import { guestList } from '../../src/answers/guest-list.ts';
import { capabilityFor } from '../../src/catalog.ts';
import { MAX_CARD_BYTES } from '../../src/cards/guard.ts';
import { cardBytes, parseCard } from '../support/cards.ts';
import { actAs } from '../support/graph-as.ts';
import { ask, byName, roundTrips, str, users } from './facts.ts';

let dt: DevTenant;
beforeAll(async () => {
  dt = await startDevTenant({ tenant: 'contoso', keysDir: false });
});
afterAll(async () => dt?.close());

describe('guest.list', () => {
  it('counts, never-accepted first, then everyone by name: one round trip', async () => {
    const guests = users(dt).filter((u) => u.userType === 'Guest');
    const pending = guests.filter((u) => u.externalUserState === 'PendingAcceptance');
    const rest = guests.filter((u) => u.externalUserState !== 'PendingAcceptance');
    const names = (list: typeof guests) => list.map((u) => str(u.displayName)).sort(byName);
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    const mark = dt.log.mark();
    const vm = await guestList(ask('guest.list'), p);
    expect(vm.total).toBe(guests.length);
    expect(vm.pending).toBe(pending.length);
    expect(pending.length).toBeGreaterThan(0);
    expect(vm.guests.map((g) => g.name)).toEqual([...names(pending), ...names(rest)]);
    const olga = vm.guests.find((g) => g.email === 'olga.petrova@litwareinc.com');
    expect(olga).toMatchObject({ state: 'PendingAcceptance' });
    expect(olga?.invited).toBe(guests.find((u) => u.mail === 'olga.petrova@litwareinc.com')!.createdDateTime);
    expect(vm.truncated).toBe(false);
    expect(roundTrips(dt, mark)).toBe(1);
    expect(p.graph.stats.roundTrips).toBe(1);
  });

  it('Alex may not list users: Graph’s 403', async () => {
    const p = (await actAs(dt, 'alex@contoso.com')).fresh();
    await expect(guestList(ask('guest.list'), p)).rejects.toMatchObject({ status: 403 });
  });

  it('renders every outcome from the sample tenant as a valid card under 28 KB', async () => {
    const cap = capabilityFor('guest.list')!;
    const p = (await actAs(dt, 'adele@contoso.com')).fresh();
    for (const entities of [{}] as Parameters<typeof ask>[1][]) {
      const rendered = cap.render(await cap.answer(ask('guest.list', entities), p), { page: 0, answerId: 'a' });
      expect(parseCard(rendered.card)).toEqual([]);
      expect(cardBytes(rendered.card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
      expect(rendered.text.length).toBeGreaterThan(20);
    }
  });
});
