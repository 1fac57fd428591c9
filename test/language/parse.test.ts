// The parser against its labelled corpus and a held-out set, plus targeted behaviour: every
// entity kind as people type it, me/my/I, clarify, readonly, and hostile input.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { INTENTS, type Parsed } from '../../src/language/intents.ts';
import { clean } from '../../src/language/normalize.ts';
import { parse } from '../../src/language/parse.ts';
import { readFileSync } from 'node:fs';
import { parseTsv, score, table } from '../../src/language/evaluate.ts';

const loadTsv = (path: string) => parseTsv(readFileSync(path, 'utf8'), path);

const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));

describe('corpus', () => {
  const examples = loadTsv(here('corpus.tsv'));

  it('is large and covers every intent', () => {
    expect(examples.length).toBeGreaterThanOrEqual(300);
    const counts = new Map<string, number>();
    for (const e of examples) counts.set(e.intent, (counts.get(e.intent) ?? 0) + 1);
    for (const intent of INTENTS) expect(counts.get(intent) ?? 0, intent).toBeGreaterThanOrEqual(12);
    for (const e of examples) expect(INTENTS, `line ${e.line}`).toContain(e.intent);
  });

  it('is parsed with at least 97% of intents and 95% of intent+entities right', () => {
    const s = score(examples, parse);
    console.log(table('corpus.tsv', s));
    if (s.misses.length) console.log(s.misses.join('\n'));
    expect(s.intentRight / s.total).toBeGreaterThanOrEqual(0.97);
    expect(s.exactRight / s.total).toBeGreaterThanOrEqual(0.95);
  });

  it('gives every reading the fields its intent needs', () => {
    for (const e of examples) {
      const p = parse(e.text);
      expect(p.confidence, e.text).toBeGreaterThanOrEqual(0);
      expect(p.confidence, e.text).toBeLessThanOrEqual(1);
      if (p.intent === 'clarify') expect(p.alternatives?.length, e.text).toBeGreaterThanOrEqual(2);
      if (p.intent === 'readonly') expect(p.change, e.text).toMatch(/^\w+ /);
      if (p.intent === 'ticket.list') expect(['open', 'mine', 'unassigned', 'all']).toContain(p.ticketFilter);
      if (p.intent !== 'none' && p.intent !== 'help') expect(p.confidence, e.text).toBeGreaterThanOrEqual(0.5);
    }
  });
});

describe('holdout (phrasings written after tuning; never tuned against)', () => {
  it('is parsed with at least 80% of intents right', () => {
    const examples = loadTsv(here('holdout.tsv'));
    expect(examples.length).toBeGreaterThanOrEqual(60);
    const s = score(examples, parse);
    console.log(table('holdout.tsv', s));
    if (s.misses.length) console.log(s.misses.join('\n'));
    expect(s.intentRight / s.total).toBeGreaterThanOrEqual(0.8);
  });

  it('holds up on a second holdout, written by someone who never saw the corpus', () => {
    const examples = loadTsv(here('holdout-lead.tsv'));
    expect(examples.length).toBeGreaterThanOrEqual(50);
    const s = score(examples, parse);
    console.log(table('holdout-lead.tsv', s));
    if (s.misses.length) console.log(s.misses.join('\n'));
    expect(s.intentRight / s.total).toBeGreaterThanOrEqual(0.8);
  });
});

const only = (text: string) => parse(text).entities;

describe('entities as typed', () => {
  it('reads periods as days', () => {
    const cases: Array<[string, number]> = [
      ['secrets expiring in 30 days', 30], ['secrets expiring in the next 2 weeks', 14], ['certs expiring this week', 7],
      ['certs expiring this month', 30], ['secrets expiring this quarter', 90], ['secrets expiring in the next 90 days', 90],
      ['secrets expiring today', 1], ['expired secrets', 0], ['secrets 30d', 30], ['secrets expiring within a month', 30],
      ['secrets expiring in 6 months', 180], ['client secrets expiring soon', 30], ['secrets expiring in 45', 45],
      ['secrets that expire in a couple of weeks', 14], ['certs expiring next year', 365],
    ];
    for (const [text, days] of cases) expect(only(text).days, text).toBe(days);
  });

  it('prefers a precise period to a vague one', () => {
    expect(only('expired or expiring in 60 days secrets').days).toBe(60);
  });

  it('resolves role names and abbreviations to the canonical display name', () => {
    const cases: Array<[string, string]> = [
      ['roles GA', 'Global Administrator'], ['who are the global admins?', 'Global Administrator'],
      ['list exchange administrators', 'Exchange Administrator'], ['who are the help desk admins', 'Helpdesk Administrator'],
      ['Security Reader role members', 'Security Reader'], ['who are the GAs', 'Global Administrator'],
      ['list user admins', 'User Administrator'], ['who are the global readers', 'Global Reader'],
    ];
    for (const [text, role] of cases) expect(only(text).role, text).toBe(role);
  });

  it('keeps SKU words as typed and part numbers in the catalog spelling', () => {
    const cases: Array<[string, string]> = [
      ['who has E5?', 'E5'], ['who has spe_e5', 'SPE_E5'], ['how many Power BI Pro seats', 'Power BI Pro'],
      ['who has a visio license', 'visio'], ['holders of Microsoft 365 E3', 'Microsoft 365 E3'],
      ['how many ENTERPRISEPACK do we have', 'ENTERPRISEPACK'], ['who has teams premium', 'teams premium'],
    ];
    for (const [text, sku] of cases) expect(only(text).sku, text).toBe(sku);
  });

  it('takes UPNs lower-cased and appIds as GUIDs', () => {
    expect(only('user Bob.Smith@Contoso.com')).toEqual({ user: 'bob.smith@contoso.com' });
    expect(only('APP 1B730954-1685-4B74-9BFD-DAC224A7B894')).toEqual({ app: '1b730954-1685-4b74-9bfd-dac224a7b894' });
    expect(only("user o'brien@contoso.com").user).toBe("o'brien@contoso.com");
  });

  it('takes domains lower-cased and ignores permission names, files and abbreviations', () => {
    expect(only('is Contoso.com verified?').domain).toBe('contoso.com');
    expect(only('guests from fabrikam.onmicrosoft.com').domain).toBe('fabrikam.onmicrosoft.com');
    expect(parse('apps with Mail.Read').intent).toBe('app.permissions');
    expect(only('apps with Mail.Read').domain).toBeUndefined();
  });

  it('strips straight and smart quotes but keeps apostrophes inside names', () => {
    expect(only("is 'Contoso HR Portal' registered?").app).toBe('Contoso HR Portal');
    expect(only('is “Contoso HR Portal” registered?').app).toBe('Contoso HR Portal');
    expect(only("is 'O'Brien' synced?").user).toBe("O'Brien");
    expect(only('is O’Brien synced?').user).toBe("O'Brien");
    expect(only("what groups is Kevin O'Neil in").user).toBe("Kevin O'Neil");
  });

  it('keeps display names with their casing, without possessives or punctuation', () => {
    expect(only('is alice synced?')).toEqual({ user: 'alice' });
    expect(only("Megan Bowen's groups!!")).toEqual({ user: 'Megan Bowen' });
    expect(only('members of Mark 8 Project Team')).toEqual({ group: 'Mark 8 Project Team' });
    expect(only("who's in the Marketing team?")).toEqual({ group: 'Marketing' });
  });
});

describe('me, my and I', () => {
  it("means the asker when the question is about the asker", () => {
    expect(parse('am I synced?')).toMatchObject({ intent: 'user.lookup', entities: { user: 'me' } });
    expect(parse('what groups am I in')).toMatchObject({ intent: 'user.groups', entities: { user: 'me' } });
    expect(parse('my groups')).toMatchObject({ intent: 'user.groups', entities: { user: 'me' } });
    expect(parse('what licenses do I have?')).toMatchObject({ intent: 'user.lookup', entities: { user: 'me' } });
    expect(parse('do I have E5?')).toMatchObject({ intent: 'license.holders', entities: { user: 'me', sku: 'E5' } });
    expect(parse('I can’t sign in')).toMatchObject({ intent: 'triage', entities: { user: 'me' } });
  });

  it('is absent when no one is named, and not the audience of "show me"', () => {
    expect(parse("can't log in")).toEqual({ intent: 'triage', entities: {}, confidence: expect.any(Number) });
    expect(parse('show me the global admins').entities).toEqual({ role: 'Global Administrator' });
    expect(parse('tell me who is in Sales').entities).toEqual({ group: 'Sales' });
  });
});

describe('typos', () => {
  it('understands the usual misspellings', () => {
    expect(parse('is alice synched?')).toMatchObject({ intent: 'user.lookup', entities: { user: 'alice' } });
    expect(parse('is Salesforce registred?')).toMatchObject({ intent: 'app.lookup', entities: { app: 'Salesforce' } });
    expect(parse('licence count').intent).toBe('license.summary');
    expect(parse('lisences available').intent).toBe('license.summary');
    expect(parse('permisions for Zoom')).toMatchObject({ intent: 'app.permissions', entities: { app: 'Zoom' } });
    expect(parse('grups alice')).toMatchObject({ intent: 'user.groups', entities: { user: 'alice' } });
    expect(parse('who are the memebrs of Sales')).toMatchObject({ intent: 'group.members', entities: { group: 'Sales' } });
    expect(parse('certificats expiring this month')).toMatchObject({ intent: 'app.credentials', entities: { days: 30 } });
  });

  it('does not "correct" real words or names into keywords', () => {
    expect(parse('I forgot my password').intent).toBe('triage');
    expect(parse('grant admin consent for Dropbox').intent).toBe('readonly');
    expect(parse('who is Grant?').entities).toEqual({ user: 'Grant' });
  });
});

describe('clarify', () => {
  const readings = (p: Parsed) => p.alternatives?.map((a) => [a.intent, a.entities]);

  it('asks about a bare app-like name instead of guessing', () => {
    const p = parse('Dropbox');
    expect(p.intent).toBe('clarify');
    expect(readings(p)).toEqual([['app.lookup', { app: 'Dropbox' }], ['group.members', { group: 'Dropbox' }]]);
    expect(p.alternatives!.map((a) => a.label)).toEqual(['the app Dropbox', 'the group Dropbox']);
  });

  it('asks whether "who is in X" means a group or an app when X is a well-known app', () => {
    expect(readings(parse('who is in Salesforce?'))).toEqual([['group.members', { group: 'Salesforce' }], ['app.lookup', { app: 'Salesforce' }]]);
    expect(parse('who is in Sales?')).toMatchObject({ intent: 'group.members', entities: { group: 'Sales' } });
  });

  it('offers three readings for an unknown capitalised name, none for chit-chat', () => {
    expect(readings(parse('Contoso Blue'))?.map(([i]) => i)).toEqual(['user.lookup', 'app.lookup', 'group.members']);
    expect(parse('lunch?').intent).toBe('none');
    expect(parse('Megan Bowen')).toMatchObject({ intent: 'user.lookup', entities: { user: 'Megan Bowen' } });
    expect(parse('Dropbox Users')).toMatchObject({ intent: 'group.members', entities: { group: 'Dropbox Users' } });
  });

  it('asks when two keyword readings are equally strong', () => {
    expect(readings(parse('guest domains'))?.map(([i]) => i)).toEqual(['domain.list', 'guest.list']);
  });

  it('asks whose access "what does X have access to" means when X could be a person or an app', () => {
    expect(readings(parse('what does Contoso Expenses have access to?'))?.map(([i]) => i)).toEqual(['user.groups', 'app.permissions']);
    expect(parse('what does Lee have access to?')).toMatchObject({ intent: 'user.groups', entities: { user: 'Lee' } });
    expect(parse('what can Workday access?')).toMatchObject({ intent: 'app.permissions', entities: { app: 'Workday' } });
  });
});

describe('readonly', () => {
  it('refuses changes and says what was asked', () => {
    const cases: Array<[string, string]> = [
      ["reset Alice's password", 'reset a password'], ['delete the app', 'delete an app'], ['add bob to Sales', 'add a group member'],
      ['assign an E5 to Lee', 'assign a license'], ['disable Grady', 'disable a user account'],
      ['make Patti a global admin', 'assign a directory role'], ['rotate the Salesforce secret', 'renew an app credential'],
      ['Lee needs a password reset', 'reset a password'], ['can I get a Visio license?', 'assign a license'],
      ['block sign-in for Diego', 'block sign-in'], ['grant admin consent for Dropbox', 'grant app permissions'],
    ];
    for (const [text, change] of cases) expect(parse(text), text).toMatchObject({ intent: 'readonly', entities: {}, change });
  });

  it('does not take questions that contain a change verb for changes', () => {
    expect(parse('who can reset passwords?').intent).toBe('role.members');
    expect(parse('is Grady disabled?')).toMatchObject({ intent: 'user.lookup', entities: { user: 'Grady' } });
    expect(parse('give me an overview of the directory').intent).toBe('tenant.overview');
    expect(parse('set this as the helpdesk channel').intent).toBe('helpdesk.here');
    expect(parse("I can't sign in, please reset my password").intent).toBe('triage');
  });
});

describe('tickets', () => {
  it('reads which tickets', () => {
    expect(parse('open tickets').ticketFilter).toBe('open');
    expect(parse('my tickets').ticketFilter).toBe('mine');
    expect(parse('unassigned tickets').ticketFilter).toBe('unassigned');
    expect(parse('show all tickets').ticketFilter).toBe('all');
    expect(parse('who is in Sales').ticketFilter).toBeUndefined();
  });
});

// A seeded generator, so a failure can be reproduced.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = [
  "'", '"', '“', '”', '‘', '’', "' or 1 eq 1", "') or startswith(displayName,'a", '$filter=', ' eq ', '&', '&amp;', '<at>', '</at>',
  '<at>Tenant Desk</at>', '**', '`', '```', '[x](y)', '\u0000', '\u0007', '\u202e', '\u200b', '\ufeff', 'שלום', 'مرحبا', '😀', '👍🏽',
  '\ud83d', '\ude00', '\t', '\n', ' ', '  ', '?', '!!!', '.', ',', ';', '--', '/*', '*/', '\\', '%27', '{', '}', '(', ')', '[', ']',
  'who', 'is', 'in', 'Sales', 'secrets', 'expire', 'in 30 days', 'E5', 'SPE_E5', 'GA', 'global admins', 'bob@contoso.com',
  '1b730954-1685-4b74-9bfd-dac224a7b894', 'contoso.com', 'Mail.Read', "O'Brien", 'reset', 'password', "can't", 'sign in',
  'my', 'I', 'me', 'groups', 'members of', 'registered', 'Dropbox', 'tickets', 'help', 'sign out', 'this channel',
];

function randomText(next: () => number): string {
  const parts = Math.floor(next() * 40);
  let out = '';
  for (let i = 0; i < parts; i++) {
    if (next() < 0.15) out += String.fromCharCode(Math.floor(next() * 0xffff));
    else out += PIECES[Math.floor(next() * PIECES.length)];
    if (next() < 0.5) out += ' ';
  }
  return out;
}

function checkShape(text: string, p: Parsed): void {
  expect(INTENTS).toContain(p.intent);
  expect(p.confidence).toBeGreaterThanOrEqual(0);
  expect(p.confidence).toBeLessThanOrEqual(1);
  const cleaned = clean(text).toLowerCase();
  for (const [k, v] of Object.entries(p.entities)) {
    if (k === 'days') expect(Number.isInteger(v) && (v as number) >= 0).toBe(true);
    else {
      expect(typeof v).toBe('string');
      expect((v as string).length).toBeGreaterThan(0);
      // Names are cut from the text as typed, never rebuilt: each is a piece of the cleaned message.
      if (k !== 'role' && v !== 'me') expect(cleaned).toContain((v as string).toLowerCase());
    }
  }
  if (p.intent === 'clarify') expect(p.alternatives!.length).toBeGreaterThanOrEqual(2);
}

describe('hostile and random input', () => {
  it('never throws and always returns a valid reading (2,000 random messages)', () => {
    const next = rng(20240601);
    let done = 0;
    for (let i = 0; i < 2000; i++) {
      const text = randomText(next);
      checkShape(text, parse(text));
      done++;
    }
    expect(done).toBe(2000);
  });

  it('copes with huge messages (1 MB of junk, of words, of quotes)', () => {
    const next = rng(7);
    const junk = Array.from({ length: 1_000_000 }, () => String.fromCharCode(Math.floor(next() * 0x3000))).join('');
    const words = 'who is in Sales '.repeat(65_000);
    const quotes = "'a ".repeat(350_000);
    const nested = '(('.repeat(300_000);
    let done = 0;
    for (const text of [junk, words, quotes, nested]) {
      checkShape(text, parse(text));
      done++;
    }
    expect(done).toBe(4);
    expect(parse(words).intent).toBe('none');
  });

  it('reads legitimate questions wrapped in markup, mentions, controls and bidi marks', () => {
    expect(parse('<at>Tenant Desk</at> who are the global admins?').entities).toEqual({ role: 'Global Administrator' });
    expect(parse('**who is in Sales?**').entities).toEqual({ group: 'Sales' });
    expect(parse('who is \u202eMegan\u202c?\u0007').entities).toEqual({ user: 'Megan' });
    expect(parse('[Salesforce](https://example.com) registered?').entities).toEqual({ app: 'Salesforce' });
    expect(parse('ＷＨＯ ＩＳ ＩＮ ＳＡＬＥＳ').entities).toEqual({ group: 'SALES' });
  });

  it('keeps injection text as a plain name for the query builder to escape', () => {
    expect(parse("is Salesforce' or 1 eq 1 registered?").entities).toEqual({ app: "Salesforce' or 1 eq 1" });
    expect(parse(`is "x') or startswith(displayName,'a" registered?`).entities).toEqual({ app: "x') or startswith(displayName,'a" });
  });

  it('accepts any value typed as a string, even a non-string at runtime', () => {
    expect(parse(undefined as unknown as string).intent).toBe('none');
    expect(parse('').intent).toBe('none');
  });
});
