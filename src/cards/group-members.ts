// The group.members card: the group (kind, synced or cloud, dynamic rule), how many members of
// which kind, and the members paged; or "which group?", "did you mean", "not found".
import type { GroupInfo, GroupMembers, Member, MemberType } from '../answers/group-members.ts';
import type { ViewOptions } from '../catalog.ts';
import { card, columns, heading, openUrl, subtle, text, type Element } from './elements.ts';
import { md } from './escape.ts';
import { count, plural } from './format.ts';
import { guard, type Rendered } from './guard.ts';
import { links } from './links.ts';
import { pagedTable } from './list.ts';
import { choiceRows, type Choice } from './user-choice.ts';
import { groupType } from './user-groups.ts';

const TYPE_WORDS: Record<MemberType, string> = { user: 'User', group: 'Group', device: 'Device', servicePrincipal: 'App (service principal)', orgContact: 'Contact', other: 'Other' };

const big = (n: number, label: string) => ({ items: [text(count(n), { size: 'ExtraLarge', weight: 'Bolder', spacing: 'None' }), subtle(label)] });

function groupChoice(g: GroupInfo): Choice {
  return { title: g.name, detail: [groupType(g), g.mail].filter(Boolean).join(' · '), intent: 'group.members', entities: { group: g.id }, label: g.name };
}

function memberName(m: Member): string {
  return m.name ? md(m.name) : `_${TYPE_WORDS[m.type]} you may not read_`;
}

export function renderGroupMembers(vm: GroupMembers, view: ViewOptions): Rendered {
  if (vm.kind === 'ask') {
    return guard(card([heading('Which group?'), text('Tell me the group’s name, for example “who is in Sales?” or “members of Dropbox Users”.')], [openUrl('All groups in Entra', links.groups())]), 'Which group? Ask for example: who is in Sales?');
  }
  if (vm.kind === 'choose') {
    const body: Element[] = [
      heading(vm.exact ? 'Which group do you mean?' : 'Did you mean one of these?'),
      text(vm.exact ? `${vm.candidates.length} groups are called “${md(vm.query)}”:` : `No group is called exactly “${md(vm.query)}”. These come close:`),
      ...choiceRows(vm.candidates.map(groupChoice)),
      ...(vm.more ? [subtle('More groups match. Type more of the name.')] : []),
    ];
    return guard(card(body, [openUrl('All groups in Entra', links.groups())]), `Which group do you mean by "${vm.query}"? ${vm.candidates.map((g) => g.name).join('; ')}.`);
  }
  if (vm.kind === 'notFound') {
    const body: Element[] = [heading('No group by that name'), text(`I could not find a group called “${md(vm.query)}”.`)];
    if (vm.suggestions.length) body.push(text('Did you mean:', { weight: 'Bolder', spacing: 'Medium' }), ...choiceRows(vm.suggestions.map(groupChoice)));
    else body.push(subtle('Check the spelling, or look the group up in the Entra admin center.'));
    return guard(
      card(body, [openUrl('All groups in Entra', links.groups())]),
      `I could not find a group called "${vm.query}".${vm.suggestions.length ? ` Did you mean: ${vm.suggestions.map((g) => g.name).join(', ')}?` : ''}`,
    );
  }
  const g = vm.group;
  const others = Math.max(0, vm.count - vm.users - vm.groups);
  const list = pagedTable(
    {
      headers: ['Name', 'Type', 'Sign-in name or email'],
      rows: vm.members.map((m) => [memberName(m), TYPE_WORDS[m.type], md(m.address ?? '')]),
      widths: [4, 2, 4],
      empty: 'This group has no members.',
    },
    view,
  );
  const stats = [big(vm.count, 'members'), big(vm.users, 'people'), big(vm.groups, 'nested groups')];
  if (others) stats.push(big(others, 'devices and others'));
  const body: Element[] = [
    heading(`Members of ${md(g.name)}`),
    subtle(md([groupType(g), g.mail].filter(Boolean).join(' · '))),
    ...(vm.match === 'near' ? [text(`No group is called exactly “${md(vm.query)}”; this is the only one that comes close.`, { isSubtle: true })] : []),
    ...(g.description ? [text(md(g.description), { spacing: 'Small' })] : []),
    ...(g.dynamic && g.rule ? [subtle(`Dynamic membership rule: ${md(g.rule)}`)] : []),
    columns(stats),
    ...(vm.groups && vm.transitiveUsers !== undefined ? [text(`With the members of its nested groups, ${plural(vm.transitiveUsers, 'person is', 'people are')} in ${md(g.name)}.`)] : []),
    ...list.elements,
    ...(vm.members.length < vm.count ? [subtle(`Showing the first ${count(vm.members.length)} of ${count(vm.count)} members, by name.`)] : []),
  ];
  const fallback = `${g.name} has ${plural(vm.count, 'member')} (${count(vm.users)} people, ${count(vm.groups)} groups): ${vm.members
    .slice(0, 10)
    .map((m) => m.name ?? TYPE_WORDS[m.type])
    .join(', ')}${vm.members.length > 10 ? ', …' : '.'}`;
  return guard(card(body, [...list.actions, openUrl('Members in Entra', links.groupMembers(g.id))]), fallback, list.pages);
}
