// Shared steps of the helpdesk end-to-end tests: sign a person in (Teams SSO in their 1:1 chat),
// read the cards the bot sent and the buttons on them (their data is what Teams would send back),
// press a button as Teams does (Action.Execute with the inputs merged into its data), and read
// the tickets the bot stored in Azurite.
import { expect } from 'vitest';
import type { Chat, Turn } from '../../devtenant/channel/driver.ts';
import type { Activity, SentActivity } from '../../devtenant/channel/outbox.ts';
import { TicketStore } from '../../src/helpdesk/ticket-store.ts';
import type { Ticket } from '../../src/helpdesk/ticket.ts';
import { createStores } from '../../src/store/storage.ts';
import type { World } from '../support/sandbox.ts';

export type CardAction = { type: string; title: string; verb?: string; data?: Record<string, unknown>; card?: Record<string, unknown> };

export function cardsOf(a: Activity | undefined): Record<string, unknown>[] {
  const atts = (a?.attachments as { contentType?: string; content?: unknown }[] | undefined) ?? [];
  return atts.filter((x) => x.contentType === 'application/vnd.microsoft.card.adaptive').map((x) => x.content as Record<string, unknown>);
}

/** Every Action.* in a card, ShowCard sub-cards included. */
export function actionsOf(card: unknown): CardAction[] {
  const out: CardAction[] = [];
  const visit = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(visit);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Action.')) out.push(o as CardAction);
      for (const [k, v] of Object.entries(o)) if (k !== 'data') visit(v);
    }
  };
  visit(card);
  return out;
}

export function action(card: unknown, verb: string): CardAction {
  const a = actionsOf(card).find((x) => x.verb === verb);
  if (!a) throw new Error(`no ${verb} button on the card: ${actionsOf(card).map((x) => x.verb ?? x.title).join(', ')}`);
  return a;
}

export const hasVerb = (card: unknown, verb: string) => actionsOf(card).some((x) => x.verb === verb);

/** The invoke response's card (adaptiveCard/action answers with { statusCode, type, value }). */
export function responseCard(turn: Turn): Record<string, unknown> {
  const body = turn.body as { statusCode?: number; type?: string; value?: unknown };
  expect(turn.status, JSON.stringify(body)).toBe(200);
  expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  return body.value as Record<string, unknown>;
}

export const text = (x: unknown) => JSON.stringify(x);

/** Signs `upn` in through Teams SSO with their first question, and waits for its answer. Returns the answer. */
export async function signIn(world: World, upn: string, question: string, answered: RegExp): Promise<SentActivity> {
  const chat = world.dt.channel.personal(upn);
  const since = world.dt.channel.mark();
  const asked = await chat.send(question);
  if (asked.oauthCard) await chat.tokenExchange(asked, { copies: 1 });
  return world.dt.channel.waitFor((s) => s.seq >= since && s.conversationId === chat.id && answered.test(text(s.activity)), 30_000);
}

/** Asks in a 1:1 chat (already signed in) and returns the message holding the answer card. */
export async function askPrivately(world: World, chat: Chat, question: string, answered: RegExp): Promise<SentActivity> {
  const since = world.dt.channel.mark();
  await chat.send(question);
  return world.dt.channel.waitFor((s) => s.seq >= since && s.conversationId === chat.id && answered.test(text(s.activity)), 30_000);
}

/** The bot's ticket records, read straight from the world's Azurite container. */
export function ticketsOf(world: World): TicketStore {
  return new TicketStore(createStores(world.env.STORAGE_CONNECTION_STRING!, world.env.STORAGE_CONTAINER!));
}

export async function ticket(world: World, id: string): Promise<Ticket> {
  const t = await ticketsOf(world).get(id);
  if (!t) throw new Error(`no ticket ${id}`);
  return t;
}

/** Polls until `check` passes (the bot delivers in the background). */
export async function eventually<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await get();
    if (ok(last)) return last;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last)?.slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export const userId = (world: World, upn: string) => world.dt.tenant.userByUpn.get(upn)!.id;
