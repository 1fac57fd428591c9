// The user.groups card: the person's groups (direct or through a nested group), each with its kind
// and whether it is synced, paged; the directory roles they hold listed apart.
import type { GroupKind } from '../answers/group-kind.ts';
import type { UserGroups } from '../answers/user-groups.ts';
import type { ViewOptions } from '../catalog.ts';
import { card, columns, container, heading, openUrl, subtle, text, type Element } from './elements.ts';
import { md } from './escape.ts';
import { count, plural } from './format.ts';
import { guard, type Rendered } from './guard.ts';
import { links } from './links.ts';
import { pagedTable } from './list.ts';
import { renderUserChoice } from './user-choice.ts';

export const KIND_WORDS: Record<GroupKind, string> = {
  microsoft365: 'Microsoft 365',
  security: 'Security',
  mailSecurity: 'Mail-enabled security',
  distribution: 'Distribution list',
  other: 'Other',
};

export function groupType(g: { kind: GroupKind; synced: boolean; dynamic: boolean }): string {
  return [KIND_WORDS[g.kind], g.synced ? 'synced from AD' : 'cloud', g.dynamic ? 'dynamic' : ''].filter(Boolean).join(' · ');
}

const big = (n: number, label: string) => ({ items: [text(count(n), { size: 'ExtraLarge', weight: 'Bolder', spacing: 'None' }), subtle(label)] });

export function renderUserGroups(vm: UserGroups, view: ViewOptions): Rendered {
  if (vm.kind !== 'groups') return renderUserChoice(vm);
  const who = vm.self ? 'You are' : `${md(vm.user.name)} is`;
  const nested = vm.groups.filter((g) => g.direct === false).length;
  const list = pagedTable(
    {
      headers: ['Group', 'Type', 'Membership'],
      rows: vm.groups.map((g) => [md(g.name), groupType(g), g.direct === undefined ? '—' : g.direct ? 'Direct' : 'Through a nested group']),
      widths: [4, 4, 3],
      empty: `${who} not a member of any group.`,
    },
    view,
  );
  const rolesLine: Element = vm.roles.readable
    ? text(vm.roles.value.length ? `**Directory roles:** ${vm.roles.value.map((r) => md(r.name)).join(', ')}` : '**Directory roles:** none')
    : subtle(vm.roles.reason === 'denied' ? `Directory roles: could not be read (that needs ${md(vm.roles.roles.join(', '))}).` : 'Directory roles: Graph did not answer; try again later.');
  const body: Element[] = [
    heading(vm.self ? 'Your groups' : `Groups of ${md(vm.user.name)}`),
    ...(vm.self ? [] : [subtle(md(vm.user.upn))]),
    columns([big(vm.total, 'groups in all'), big(vm.directCount, 'direct'), big(Math.max(0, vm.total - vm.directCount), 'through nested groups')]),
    ...list.elements,
    ...(vm.groups.length < vm.total ? [subtle(`Showing the first ${count(vm.groups.length)} of ${count(vm.total)} groups, by name.`)] : []),
    container([rolesLine], { separator: true, spacing: 'Medium' }),
  ];
  const fallback = `${vm.self ? 'You are' : `${vm.user.name} is`} in ${plural(vm.total, 'group')} (${count(vm.directCount)} direct${nested ? `, ${count(nested)} shown through nested groups` : ''}): ${vm.groups
    .slice(0, 10)
    .map((g) => g.name)
    .join(', ')}${vm.groups.length > 10 ? ', …' : '.'}${vm.roles.readable && vm.roles.value.length ? ` Directory roles: ${vm.roles.value.map((r) => r.name).join(', ')}.` : ''}`;
  const actions = [...list.actions, openUrl('Open in Entra', links.user(vm.user.id)), ...(vm.roles.readable && vm.roles.value.length ? [openUrl(vm.self ? 'Your roles' : 'Their roles', links.userRoles(vm.user.id))] : [])];
  return guard(card(body, actions), fallback, list.pages);
}
