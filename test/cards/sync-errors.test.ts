import { describe, expect, it } from 'vitest';
import MarkdownIt from 'markdown-it';
import type { SyncErrorRow, SyncErrors } from '../../src/answers/sync-errors.ts';
import { links } from '../../src/cards/links.ts';
import { renderSyncErrors } from '../../src/cards/sync-errors.ts';
import { actions, checkCard, HOSTILE, HOSTILE_NAMES, markdownTexts, showsEscaped } from './support.ts';

const asOf = '2026-11-22T03:00:00Z';
const nestor: SyncErrorRow = {
  kind: 'user',
  id: 'ce4c9355-e6e7-47a4-b32d-bc8d83365de9',
  name: 'Nestor Wilke',
  address: 'nestor@contoso.com',
  error: { category: 'PropertyConflict', property: 'ProxyAddress', value: 'smtp:nwilke@contoso.com', occurred: '2026-11-15T05:00:00Z' },
  heldBy: { kind: 'user', id: '9eba7a18-d122-4c7a-80f2-72775756bed8', name: 'Nadia Wilke', upn: 'nadia@contoso.com' },
};
const alexandra: SyncErrorRow = {
  kind: 'user',
  id: 'b47f5195-d796-5d70-a963-8a1e567303b9',
  name: 'Alexandra Wilbur',
  address: 'alex4821@contoso.onmicrosoft.com',
  error: { category: 'PropertyConflict', property: 'UserPrincipalName', value: 'alex@contoso.com', occurred: '2026-11-09T14:00:00Z' },
  heldBy: null,
};
const vm = (rows: SyncErrorRow[], over: Partial<SyncErrors> = {}): SyncErrors => ({ asOf, sync: { enabled: true, lastSync: asOf, ageMinutes: 20, health: 'healthy' }, users: rows.length, groups: 0, rows, truncated: false, ...over });

describe('renderSyncErrors', () => {
  it('each conflict with its value, who holds it, since when, and what to do per kind', () => {
    const r = renderSyncErrors(vm([nestor, alexandra]), { page: 0 });
    checkCard(r);
    const json = JSON.stringify(r.card);
    expect(json).toContain('Email address already in use');
    expect(json).toContain('Sign-in name (UPN) already in use');
    expect(json).toContain('Nadia Wilke');
    expect(json).toContain('no one now');
    expect(json).toContain('7 days ago');
    expect(json).toContain('Duplicate email address');
    expect(json).toContain('Duplicate sign-in name');
    expect(json).toContain('2 objects could not be provisioned');
    expect(actions(r).map((a) => a.url)).toEqual(expect.arrayContaining([expect.stringContaining('SyncErros'), expect.stringContaining('AADConnect')]));
    expect(r.text).toContain('held by Nadia Wilke');
    // Each object links to its own page in Entra.
    const cell = markdownTexts(r.card.body).find((t) => t.includes('Nestor Wilke'))!;
    expect(new MarkdownIt('commonmark').renderInline(cell)).toContain(`<a href="${links.user(nestor.id)}">Nestor Wilke</a>`);
  });

  it('no errors: a green line and no advice', () => {
    const r = renderSyncErrors(vm([]), { page: 0 });
    checkCard(r);
    expect(JSON.stringify(r.card)).toContain('No provisioning errors');
    expect(JSON.stringify(r.card)).not.toContain('What to do');
    expect(r.text).toContain('No user or group');
  });

  it('500 hostile rows page and fit; the values stay literal', () => {
    const rows: SyncErrorRow[] = Array.from({ length: 500 }, (_, i) => ({
      kind: i % 5 ? 'user' : 'group',
      id: String(i),
      name: HOSTILE_NAMES[i % HOSTILE_NAMES.length]!,
      address: `${HOSTILE.link}@x`,
      error: { category: 'PropertyConflict', property: i % 2 ? 'ProxyAddress' : 'Weird*md*', value: HOSTILE.markdown, occurred: asOf },
      heldBy: { kind: 'user', id: 'h', name: HOSTILE.mention, upn: HOSTILE.markdown },
    }));
    const r = renderSyncErrors(vm(rows, { users: 400, groups: 100, truncated: true }), { page: 2, answerId: 'x' });
    checkCard(r);
    expect(showsEscaped(r)).toBe(true);
    expect(r.pages).toBe(50);
    expect(actions(r).filter((a) => a.verb === 'page').map((a) => a.title)).toEqual(['Previous', 'Next']);
    expect(JSON.stringify(r.card)).toContain('Other errors');
  });
});
