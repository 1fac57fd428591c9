// The sync.users card: how many are synced and cloud-only, and the synced people, paged.
import type { SyncUsers } from '../answers/sync-users.ts';
import type { ViewOptions } from '../catalog.ts';
import { card, columns, heading, openUrl, subtle, text } from './elements.ts';
import { md } from './escape.ts';
import { ago, count } from './format.ts';
import { guard, type Rendered } from './guard.ts';
import { links } from './links.ts';
import { pagedTable } from './list.ts';

const big = (n: number, label: string) => ({ items: [text(count(n), { size: 'ExtraLarge', weight: 'Bolder', spacing: 'None' }), subtle(label)] });

export function renderSyncUsers(vm: SyncUsers, view: ViewOptions): Rendered {
  const stale = vm.users.filter((u) => u.stale).length;
  const list = pagedTable(
    {
      headers: ['Name', 'User principal name', 'Last sync'],
      rows: vm.users.map((u) => [md(u.name), md(u.upn), `${u.stale ? '⚠ ' : ''}${ago(u.ageMinutes)}`]),
      widths: [3, 4, 2],
      empty: 'Nobody is synchronized from on-premises Active Directory.',
    },
    view,
  );
  const shown = vm.users.length < vm.synced ? subtle(`Showing the first ${count(vm.users.length)} of ${count(vm.synced)} synced people, by name.`) : undefined;
  const body = [
    heading('Who is synced from on-premises AD'),
    columns([big(vm.synced, 'synced from on-premises AD'), big(vm.cloudOnly, 'cloud-only members')]),
    ...(stale ? [text(`⚠ ${count(stale)} of those shown last synced more than 3 hours ago.`, { color: 'Warning' })] : []),
    ...list.elements,
    ...(shown ? [shown] : []),
  ];
  const fallback = `${count(vm.synced)} people are synced from on-premises AD and ${count(vm.cloudOnly)} members are cloud-only. ${vm.users.slice(0, 10).map((u) => u.name).join(', ')}${vm.users.length > 10 ? ', …' : ''}`;
  return guard(card(body, [...list.actions, openUrl('All users in Entra', links.users())]), fallback, list.pages);
}
