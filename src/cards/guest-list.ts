// The guest.list card: how many guests, how many never accepted their invitation, and the guests
// (those who never accepted first), paged.
import type { GuestList } from '../answers/guest-list.ts';
import type { ViewOptions } from '../catalog.ts';
import { card, columns, heading, openUrl, status, subtle, text, type Element } from './elements.ts';
import { md } from './escape.ts';
import { ago, count, plural } from './format.ts';
import { guard, type Rendered } from './guard.ts';
import { links } from './links.ts';
import { pagedTable } from './list.ts';

const STATE: Record<string, string> = { PendingAcceptance: '⏳ Never accepted', Accepted: 'Accepted' };

const big = (n: number, label: string, color = 'Default') => ({ items: [text(count(n), { size: 'ExtraLarge', weight: 'Bolder', spacing: 'None', color }), subtle(label)] });

const minutesBetween = (iso: string | undefined, asOf: string) => (iso ? Math.max(0, Math.round((Date.parse(asOf) - Date.parse(iso)) / 60_000)) : undefined);

export function renderGuestList(vm: GuestList, view: ViewOptions): Rendered {
  const list = pagedTable(
    {
      headers: ['Name', 'Email', 'Invitation', 'Invited'],
      rows: vm.guests.map((g) => [md(g.name), md(g.email), g.state ? md(STATE[g.state] ?? g.state) : '—', ago(minutesBetween(g.invited, vm.asOf))]),
      widths: [3, 4, 2, 2],
      empty: 'This tenant has no guests.',
    },
    view,
  );
  const body: Element[] = [
    heading('Guests'),
    subtle('People from outside the organization invited to collaborate (B2B guest accounts).'),
    columns([big(vm.total, 'guests'), big(vm.pending, 'never accepted', vm.pending ? 'Warning' : 'Default'), big(vm.total - vm.pending, 'accepted or older')]),
    vm.pending
      ? status(`${plural(vm.pending, 'guest has', 'guests have')} not accepted the invitation: resend it, or remove the account if it is no longer needed.`, 'warning')
      : status('Every guest has accepted their invitation.', 'good'),
    ...list.elements,
    ...(vm.truncated ? [subtle(`Showing ${count(vm.guests.length)} of ${count(vm.total)} guests (those who never accepted first, then by name).`)] : []),
  ];
  const fallback = `${plural(vm.total, 'guest')}, ${count(vm.pending)} never accepted the invitation. ${vm.guests
    .slice(0, 10)
    .map((g) => `${g.name} (${g.state === 'PendingAcceptance' ? 'pending' : g.state === 'Accepted' ? 'accepted' : 'unknown'})`)
    .join(', ')}${vm.guests.length > 10 ? ', …' : ''}`;
  return guard(card(body, [...list.actions, openUrl('All users in Entra', links.users())]), fallback, list.pages);
}
