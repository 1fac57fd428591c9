import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevTenant, type DevTenant } from '../../devtenant/index.ts';
import type { GraphObject } from '../../devtenant/tenant/types.ts';
import { syncErrors } from '../../src/answers/sync-errors.ts';
import { capabilityFor } from '../../src/catalog.ts';
import { MAX_CARD_BYTES } from '../../src/cards/guard.ts';
import { cardBytes, parseCard } from '../support/cards.ts';
import { actAs } from '../support/graph-as.ts';
import { ask, byName, lower, roundTrips, str, users } from './facts.ts';

let dt: DevTenant;
beforeAll(async () => {
  dt = await startDevTenant({ tenant: 'contoso', keysDir: false });
});
afterAll(async () => dt?.close());

interface RawError {
  category: string;
  propertyCausingError: string;
  value: string;
  occurredDateTime: string;
}
const errorsOf = (o: GraphObject) => (Array.isArray(o.onPremisesProvisioningErrors) ? (o.onPremisesProvisioningErrors as RawError[]) : []);

/** Who else holds a conflicting value, from the tenant's data. */
function holderOf(dt: DevTenant, owner: string, e: RawError): string | null {
  const bare = e.value.replace(/^smtp:/i, '').toLowerCase();
  const other = dt.tenant.data.users.find((u) =>
    u.id !== owner && (e.propertyCausingError === 'UserPrincipalName' ? lower(u.userPrincipalName) === e.value.toLowerCase() : ((u.proxyAddresses as string[]) ?? []).some((p) => p.toLowerCase() === `smtp:${bare}`)),
  );
  return other ? other.id : null;
}

describe('sync.errors', () => {
  it('every user with a provisioning error, what conflicts and who holds it: two round trips', async () => {
    const withErrors = users(dt).filter((u) => errorsOf(u).length > 0);
    expect(withErrors.length).toBeGreaterThan(0);
    const p = (await actAs(dt, 'patti@contoso.com')).fresh();
    const mark = dt.log.mark();
    const vm = await syncErrors(ask('sync.errors'), p);
    expect(vm.users).toBe(withErrors.length);
    expect(vm.groups).toBe(dt.tenant.data.groups.filter((g) => errorsOf(g).length > 0).length);
    const sorted = [...withErrors].sort((a, b) => byName(str(a.displayName), str(b.displayName)));
    expect(vm.rows.filter((r) => r.kind === 'user').map((r) => [r.id, r.error.property, r.error.value])).toEqual(
      sorted.flatMap((u) => errorsOf(u).map((e) => [u.id, e.propertyCausingError, e.value])),
    );
    for (const r of vm.rows.filter((x) => x.kind === 'user')) {
      const raw = errorsOf(dt.tenant.byId.get(r.id)!).find((e) => e.value === r.error.value)!;
      expect(r.error.occurred).toBe(raw.occurredDateTime);
      expect(r.heldBy === null ? null : r.heldBy?.id).toBe(holderOf(dt, r.id, raw));
    }
    const nestor = vm.rows.find((r) => r.address === 'nestor@contoso.com');
    expect(nestor?.heldBy?.upn).toBe('nadia@contoso.com');
    expect(vm.sync?.enabled).toBe(dt.tenant.data.organization[0]!.onPremisesSyncEnabled === true);
    expect(vm.truncated).toBe(false);
    expect(roundTrips(dt, mark)).toBe(2);
    expect(p.graph.stats.roundTrips).toBe(2);
  });

  it('groups with errors are listed too (a group made to conflict for this test)', async () => {
    const group = dt.tenant.data.groups.find((g) => g.onPremisesSyncEnabled === true)!;
    const holder = users(dt).find((u) => str(u.userPrincipalName) === 'christie@contoso.com')!;
    const address = ((holder.proxyAddresses as string[]) ?? []).find((a) => a.startsWith('SMTP:'))!.slice(5);
    const saved = group.onPremisesProvisioningErrors;
    group.onPremisesProvisioningErrors = [{ category: 'PropertyConflict', occurredDateTime: '2026-01-01T00:00:00Z', propertyCausingError: 'ProxyAddress', value: `smtp:${address}` }];
    try {
      const p = (await actAs(dt, 'patti@contoso.com')).fresh();
      const vm = await syncErrors(ask('sync.errors'), p);
      expect(vm.groups).toBe(1);
      const row = vm.rows.find((r) => r.kind === 'group');
      expect(row).toMatchObject({ id: group.id, name: group.displayName, error: { property: 'ProxyAddress', value: `smtp:${address}` }, heldBy: { kind: 'user', id: holder.id } });
    } finally {
      group.onPremisesProvisioningErrors = saved;
    }
  });

  it('Alex may not read other users: Graph’s 403', async () => {
    const p = (await actAs(dt, 'alex@contoso.com')).fresh();
    await expect(syncErrors(ask('sync.errors'), p)).rejects.toMatchObject({ status: 403 });
  });

  it('renders every outcome from the sample tenant as a valid card under 28 KB', async () => {
    const cap = capabilityFor('sync.errors')!;
    const p = (await actAs(dt, 'patti@contoso.com')).fresh();
    for (const entities of [{}] as Parameters<typeof ask>[1][]) {
      const rendered = cap.render(await cap.answer(ask('sync.errors', entities), p), { page: 0, answerId: 'a' });
      expect(parseCard(rendered.card)).toEqual([]);
      expect(cardBytes(rendered.card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
      expect(rendered.text.length).toBeGreaterThan(20);
    }
  });
});
