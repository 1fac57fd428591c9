// Issue (helpdesk) 1: triage through Teams, the dev tenant and Azurite. Six situations of the sample
// tenant, each with the right cause first; the person concerned is the asker by default; what the
// asker may not read is named on the card with who could; a private answer asked in a channel goes
// to the asker's 1:1 chat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevTenant } from '../../devtenant/index.ts';
import { parseCard } from '../support/cards.ts';
import { startWorld, type World } from '../support/sandbox.ts';
import { askPrivately, cardsOf, hasVerb, signIn, text } from './helpdesk-support.ts';

let world: World;
const PATTI = 'patti@contoso.com';

beforeAll(async () => {
  world = await startWorld({ name: 'helpdesk-triage' });
  await signIn(world, PATTI, 'am I synced?', /synced/i);
});
afterAll(async () => world?.close());

const u = (dt: DevTenant, upn: string) => dt.tenant.userByUpn.get(upn)!;

/** The title of the emphasized "Likeliest cause" block, or "No problem found". */
function lead(card: Record<string, unknown>): string {
  const m = /● (Likeliest cause: [^"]+|No problem found)/.exec(text(card));
  return m ? m[1]!.replace(/\\\\/g, '') : 'none';
}

async function diagnose(asker: string, question: string) {
  const answer = await askPrivately(world, world.dt.channel.personal(asker), question, /Likeliest cause|No problem found|can.t read/);
  const card = cardsOf(answer.activity)[0]!;
  expect(parseCard(card)).toEqual([]);
  return card;
}

describe('triage names the likeliest cause first', () => {
  it('a disabled account (Grady)', async () => {
    expect(u(world.dt, 'grady@contoso.com').accountEnabled).toBe(false);
    const card = await diagnose(PATTI, "Grady Archie can't sign in");
    expect(lead(card)).toBe('Likeliest cause: Account disabled');
    expect(text(card)).toMatch(/re-enables it there/); // synced: on-premises AD
  });

  it('a synced person whose password must change on-premises (Lynne), writeback off as a Global Administrator reads it', async () => {
    expect(u(world.dt, 'lynne@contoso.com').onPremisesSyncEnabled).toBe(true);
    const card = await diagnose(PATTI, 'Lynne Robbins keeps getting password prompts');
    expect(lead(card)).toBe('Likeliest cause: Password probably expired on-premises');
    expect(text(card)).toMatch(/Password writeback is off/);
    expect(text(card)).toMatch(/Change the password on-premises/);
  });

  it('no license for the workload named (Lee and SharePoint)', async () => {
    const card = await diagnose(PATTI, "Lee Gu can't open SharePoint");
    expect(lead(card)).toBe('Likeliest cause: No license for SharePoint Online');
    expect(text(card)).toMatch(/Exchange Online \(Plan 1\)/);
  });

  it('not assigned to an app that requires assignment (Johanna and Salesforce)', async () => {
    const card = await diagnose(PATTI, "Johanna Lorenz can't open Salesforce");
    expect(lead(card)).toBe('Likeliest cause: Not assigned to Salesforce');
    expect(text(card)).toMatch(/Assignment required: not assigned/);
  });

  it('a provisioning error (Nestor)', async () => {
    const card = await diagnose(PATTI, "Nestor Wilke can't sign in");
    expect(lead(card)).toBe('Likeliest cause: Directory sync conflict');
    expect(text(card)).toMatch(/smtp\\\\:nwilke@contoso\\\\\.com/);
  });

  it('a healthy account (Adele): no cause, and the way to the helpdesk', async () => {
    const card = await diagnose(PATTI, "Adele Vance can't sign in");
    expect(lead(card)).toBe('No problem found');
    expect(hasVerb(card, 'triage.escalate')).toBe(true);
  });
});

describe('who is diagnosed, and what the asker may read', () => {
  it('"Outlook keeps asking for my password": the asker; the sync settings are Global Administrator only, and the card says so', async () => {
    const card = await (async () => {
      const answer = await signIn(world, 'lynne@contoso.com', 'Outlook keeps asking for my password', /Likeliest cause|No problem found/);
      return cardsOf(answer.activity)[0]!;
    })();
    expect(lead(card)).toBe('Likeliest cause: Password probably expired on-premises');
    expect(text(card)).toMatch(/could not check whether password writeback is on \(that needs Global Administrator\)/);
    expect(text(card)).toMatch(/Your password was last changed/);
  });

  it('a helpdesk agent without a reporting role: sign-in activity "could not check: needs …"', async () => {
    await signIn(world, 'diego@contoso.com', 'am I synced?', /synced/i);
    const card = await diagnose('diego@contoso.com', "Nestor Wilke can't sign in");
    expect(lead(card)).toBe('Likeliest cause: Directory sync conflict');
    expect(text(card)).toMatch(/Sign-in activity.{0,40}could not check: needs Global Reader, Reports Reader/);
  });

  it('someone who may not read other people gets the permission card, not a diagnosis', async () => {
    await signIn(world, 'alex@contoso.com', 'am I synced?', /synced|can.t read/i);
    const card = await diagnose('alex@contoso.com', "Grady Archie can't sign in");
    expect(text(card)).toMatch(/can't read that/);
    expect(text(card)).not.toMatch(/Account disabled/);
  });

  it('asked in a channel, the diagnosis goes to the asker privately and the thread gets a note', async () => {
    const channel = world.dt.channel.teamChannel('IT Help', 'General', { as: PATTI });
    const turn = await channel.send("Grady Archie can't sign in", { as: PATTI });
    const thread = turn.sent.filter((s) => s.conversationId.startsWith(channel.id));
    expect(text(thread)).toMatch(/private chat/);
    expect(text(thread)).not.toMatch(/Account disabled/);
    expect(text(turn.sent.filter((s) => !s.conversationId.startsWith(channel.id)))).toMatch(/Account disabled/);
  });
});
