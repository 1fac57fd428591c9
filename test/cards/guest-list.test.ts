import { describe, expect, it } from 'vitest';
import type { Guest } from '../../src/answers/guest-list.ts';
import { renderGuestList } from '../../src/cards/guest-list.ts';
import { actions, checkCard, HOSTILE_NAMES, showsEscaped } from './support.ts';

const asOf = '2026-11-22T03:00:00Z';

describe('renderGuestList', () => {
  it('big numbers, a warning for pending invitations, and the guests', () => {
    const guests: Guest[] = [
      { id: '1', name: 'Olga Petrova', email: 'olga.petrova@litwareinc.com', state: 'PendingAcceptance', invited: '2026-11-05T19:25:00Z' },
      { id: '2', name: 'Ben Walters', email: 'ben.walters@fabrikam.com', state: 'Accepted', invited: '2026-04-25T21:24:00Z' },
    ];
    const r = renderGuestList({ asOf, total: 2, pending: 1, guests, truncated: false }, { page: 0 });
    checkCard(r);
    const json = JSON.stringify(r.card);
    expect(json).toContain('Never accepted');
    expect(json).toContain('1 guest has not accepted');
    expect(json).toContain('16 days ago'); // invited 2026-11-05 19:25, answered 2026-11-22 03:00
    expect(r.text).toContain('2 guests, 1 never accepted');
  });

  it('500 hostile guests page and fit', () => {
    const guests: Guest[] = Array.from({ length: 500 }, (_, i) => ({ id: String(i), name: HOSTILE_NAMES[i % HOSTILE_NAMES.length]!, email: `${HOSTILE_NAMES[(i + 1) % HOSTILE_NAMES.length]}@x.example`, state: i % 3 ? 'Accepted' : 'PendingAcceptance', invited: asOf }));
    const r = renderGuestList({ asOf, total: 900, pending: 167, guests, truncated: true }, { page: 0, answerId: 'g' });
    checkCard(r);
    expect(showsEscaped(r)).toBe(true);
    expect(r.pages).toBe(50);
    expect(actions(r).some((a) => a.verb === 'page' && a.title === 'Next')).toBe(true);
    expect(JSON.stringify(r.card)).toContain('Showing 500 of 900');
  });

  it('no guests, no pending', () => {
    const r = renderGuestList({ asOf, total: 0, pending: 0, guests: [], truncated: false }, { page: 0 });
    checkCard(r);
    expect(JSON.stringify(r.card)).toContain('no guests');
  });
});
