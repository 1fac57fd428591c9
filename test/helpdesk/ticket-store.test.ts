// The ticket store over Azurite: creation happens once, every change is an eTag-checked write of
// the whole record, and racing writers — in one process or in several (separate clients) — end
// with exactly one winner per change.
import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import type { TriageDiagnosis } from '../../src/answers/triage.ts';
import { TicketStore } from '../../src/helpdesk/ticket-store.ts';
import { applyChange, isRefusal, openTicket, ticketKey, type Party, type Refusal, type Ticket } from '../../src/helpdesk/ticket.ts';
import { createStores } from '../../src/store/storage.ts';

/** A container for one test, and as many independent clients of it as asked ("instances"). */
function instances(n: number) {
  const container = `tickets-${randomUUID().slice(0, 8)}`;
  return Array.from({ length: n }, () => {
    const stores = createStores(inject('storageConnectionString'), container);
    return { stores, store: new TicketStore(stores) };
  });
}

const now = new Date('2026-11-22T03:00:00.000Z');
const requester: Party = { oid: 'f4c7afec-3bca-4a33-b59a-6a54e95a7b27', name: 'Zoë Ærøskøbing — 👩‍💻 שלום', accountId: '29:lee' };

function newTicket(id = randomUUID()): Ticket {
  const vm: TriageDiagnosis = {
    kind: 'diagnosis',
    asOf: now.toISOString(),
    askedBy: { oid: requester.oid },
    self: true,
    person: { id: requester.oid, name: requester.name, upn: 'lee@contoso.com' },
    target: { kind: 'app', asked: 'Salesforce "CRM" *prod*' },
    findings: [],
    facts: { enabled: true, userType: 'Member', synced: false, passwordNeverExpires: false, licenses: { readable: true, value: ['Microsoft 365 E3'] }, signIn: { readable: true, value: null }, provisioningErrors: [] },
  };
  return openTicket({ id, vm, requester, serviceUrl: 'https://smba.example/amer/', now });
}

const agents: Party[] = Array.from({ length: 20 }, (_, i) => ({ oid: `agent-${i}`, name: `Agent ${i} «ü»`, accountId: `29:agent-${i}` }));

describe('the ticket store over Azurite', () => {
  it('creates a ticket once: of twenty concurrent creations exactly one lands, and the record reads back exactly', async () => {
    const { store } = instances(1)[0]!;
    const t = newTicket();
    const created = await Promise.all(Array.from({ length: 20 }, (_, i) => store.create({ ...t, requester: { ...requester, name: `${requester.name} ${i}` } })));
    expect(created.filter(Boolean)).toHaveLength(1);
    const read = await store.get(t.id);
    const winner = created.indexOf(true);
    expect(read).toMatchObject({ ...t, requester: { ...requester, name: `${requester.name} ${winner}` } });
    expect(read!.eTag).toBeTruthy();
  });

  it('twenty agents on two instances claim one ticket at once: exactly one write, the others learn who won', async () => {
    const [a, b] = instances(2);
    const t = newTicket();
    await a!.store.create(t);
    const results = await Promise.all(
      agents.map((agent, i) =>
        (i % 2 ? b! : a!).store.update<Refusal>(t.id, (cur) => {
          const next = applyChange(cur, { kind: 'claim', by: agent }, 1, now);
          return isRefusal(next) ? { skip: next } : { write: next };
        }),
      ),
    );
    const written = results.filter((r) => r?.written);
    expect(written).toHaveLength(1);
    const winner = written[0]!.ticket.assignee!;
    const final = await a!.store.get(t.id);
    expect(final).toMatchObject({ version: 2, status: 'assigned', assignee: winner });
    expect(final!.audit.filter((e) => e.action === 'claimed')).toEqual([expect.objectContaining({ by: winner })]);
    for (const r of results.filter((x) => !x?.written)) {
      expect(r!.result).toMatchObject({ reason: 'stale', last: { action: 'claimed', by: winner } });
      expect(r!.ticket.assignee).toEqual(winner);
    }
  });

  it('changes that do not conflict in meaning all land, in some order, none lost (re-applied to the newer record)', async () => {
    const [a, b] = instances(2);
    const t = newTicket();
    await a!.store.create(t);
    // Delivery bookkeeping from two instances at once: each bumps a counter in the same record.
    await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? b! : a!).store.update(t.id, (cur) => ({ write: { ...cur, post: { ...cur.post, attempts: cur.post.attempts + 1 } } }))));
    expect((await a!.store.get(t.id))!.post.attempts).toBe(12);
  });

  it('a write with a stale eTag never overwrites a newer record', async () => {
    const { stores, store } = instances(1)[0]!;
    const t = newTicket();
    await store.create(t);
    const old = (await store.get(t.id))!;
    await store.update(t.id, (cur) => ({ write: { ...cur, status: 'resolved' } }));
    await expect(stores.storage.write({ [ticketKey(t.id)]: { ...old, status: 'open' } })).rejects.toThrow(/eTag conflict/);
    expect((await store.get(t.id))!.status).toBe('resolved');
  });

  it('a change that skips writes nothing (same eTag), and a missing ticket is undefined', async () => {
    const { store } = instances(1)[0]!;
    const t = newTicket();
    await store.create(t);
    const before = (await store.get(t.id))!.eTag;
    const r = await store.update(t.id, () => ({ skip: 'nothing to do' }));
    expect(r).toMatchObject({ written: false, result: 'nothing to do' });
    expect((await store.get(t.id))!.eTag).toBe(before);
    expect(await store.update(randomUUID(), () => ({ skip: 1 }))).toBeUndefined();
    expect(await store.get(randomUUID())).toBeUndefined();
  });

  it('lists every ticket (and only tickets), hostile text intact', async () => {
    const { stores, store } = instances(1)[0]!;
    const ts = Array.from({ length: 7 }, () => newTicket());
    for (const t of ts) await store.create({ ...t, resolution: { by: requester, at: now.toISOString(), note: '<at>Everyone</at> *md* [x](http://evil) 🎉 עולם' } });
    await stores.storage.write({ 'settings/helpdesk-channel': { channelId: '19:x@thread.tacv2', eTag: '*' }, [`answers/${randomUUID()}`]: { vm: 1, eTag: '*' } });
    expect((await store.ids()).sort()).toEqual(ts.map((t) => t.id).sort());
    const all = await store.all();
    expect(all).toHaveLength(7);
    for (const t of all) expect(t.resolution?.note).toBe('<at>Everyone</at> *md* [x](http://evil) 🎉 עולם');
  });
});
